using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.WeChat.Staff;
using Daiban.WeChat.Tests.Infrastructure;

namespace Daiban.WeChat.Tests.Staff;

[Collection(HostCollection.Name)]
public sealed class StaffAuthTests : StaffAppTest
{
    [Fact]
    public async Task Login_GivesATokenWithTheRoles()
    {
        var client = await App.SignedInAsync("wangmin");

        var me = await client.GetFromJsonAsync<StaffSummary>("/api/staff/me");

        Assert.Equal("王敏", me!.DisplayName);
        Assert.Equal(["WindowClerk"], me.Roles);
    }

    [Fact]
    public async Task WrongPassword_AndUnknownUser_GetTheSameAnswer_AndFiveFailuresLock()
    {
        var client = App.CreateClient();

        var unknown = await client.PostAsJsonAsync("/api/staff/auth/login", new { userName = "nobody", password = "Whatever12345" });
        var wrong = await client.PostAsJsonAsync("/api/staff/auth/login", new { userName = "liqiang", password = "Whatever12345" });
        Assert.Equal((await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized)).GetProperty("title").GetString(),
            (await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized)).GetProperty("title").GetString());
        for (var i = 0; i < 3; i++)
            await client.PostAsJsonAsync("/api/staff/auth/login", new { userName = "liqiang", password = "Whatever12345" });
        var fifth = await client.PostAsJsonAsync("/api/staff/auth/login", new { userName = "liqiang", password = "Whatever12345" });
        var right = await client.PostAsJsonAsync("/api/staff/auth/login", new { userName = "liqiang", password = StaffApp.Password });

        Assert.Contains("锁定", (await ProblemAssert.IsProblemAsync(fifth, HttpStatusCode.Locked)).GetProperty("title").GetString());
        await ProblemAssert.IsProblemAsync(right, HttpStatusCode.Locked);
    }

    [Fact]
    public async Task StaffEndpoints_RefuseAnonymous_AndMiniProgramTokens()
    {
        var anonymous = await App.CreateClient().GetAsync("/api/staff/cases");
        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized);

        var client = await App.MiniProgramUserAsync($"oStaffProbe{Guid.NewGuid():N}"[..28]);

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/staff/cases"), HttpStatusCode.Forbidden);
    }
}

[Collection(HostCollection.Name)]
public sealed class DashboardAuthorizationTests : StaffAppTest
{
    [Fact]
    public async Task HangfireDashboard_IsForAdminsOnly()
    {
        var anonymous = await App.CreateClient().GetAsync("/hangfire");
        var agent = await (await App.SignedInAsync("liqiang")).GetAsync("/hangfire");
        var admin = await (await App.SignedInAsync("admin")).GetAsync("/hangfire");

        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{anonymous.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("Daiban 后台任务", await admin.Content.ReadAsStringAsync());
    }
}
