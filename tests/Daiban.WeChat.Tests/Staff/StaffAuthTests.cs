using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.WeChat.Staff;
using Daiban.WeChat.Tests.Infrastructure;

namespace Daiban.WeChat.Tests.Staff;

[Collection(HostCollection.Name)]
public sealed class StaffAuthTests(ProductionLikeApp other)
{
    [Fact]
    public async Task Login_GivesATokenWithTheRoles()
    {
        await using var app = new StaffApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        var client = await app.SignedInAsync("wangmin");

        var me = await client.GetFromJsonAsync<StaffSummary>("/api/staff/me");

        Assert.Equal("王敏", me!.DisplayName);
        Assert.Equal(["WindowClerk"], me.Roles);
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task WrongPassword_AndUnknownUser_GetTheSameAnswer_AndFiveFailuresLock()
    {
        await using var app = new StaffApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        var client = app.CreateClient();

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
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task StaffEndpoints_RefuseAnonymous_AndMiniProgramTokens()
    {
        var anonymous = await other.CreateClient().GetAsync("/api/staff/cases");
        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized);

        var client = other.CreateClient();
        var code = (await (await client.PostAsJsonAsync("/_wx/test/login-code", new { openid = $"oStaffProbe{Guid.NewGuid():N}"[..28] })).Content.ReadFromJsonAsync<Dictionary<string, string>>())!["code"];
        var login = await (await client.PostAsJsonAsync("/api/mp/auth/login", new { code })).Content.ReadFromJsonAsync<Daiban.WeChat.MiniProgram.LoginResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!.Token);

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/staff/cases"), HttpStatusCode.Forbidden);
    }
}

[Collection(HostCollection.Name)]
public sealed class DashboardAuthorizationTests : IAsyncLifetime
{
    private readonly StaffApp _app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task HangfireDashboard_IsForAdminsOnly()
    {
        var anonymous = await _app.CreateClient().GetAsync("/hangfire");
        var agent = await (await _app.SignedInAsync("liqiang")).GetAsync("/hangfire");
        var admin = await (await _app.SignedInAsync("admin")).GetAsync("/hangfire");

        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{anonymous.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("Daiban 后台任务", await admin.Content.ReadAsStringAsync());
    }
}
