using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.Web.Staff;
using Daiban.Web.Tests.Support;

namespace Daiban.Web.Tests.Staff;

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
        var page = await admin.Content.ReadAsStringAsync();
        Assert.Contains("Daiban 后台任务", page);
        Assert.Contains("周期性作业", page); // Hangfire's own strings, in Chinese
    }

    [Fact]
    public async Task AnAdmin_OpensTheDashboardFromTheConsole_WithACookieThatOpensNothingElse()
    {
        var opened = await (await App.SignedInAsync("admin")).PostAsync("/api/staff/dashboard-session", null);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var setCookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("daiban_dashboard=", setCookie);
        foreach (var attribute in new[] { "path=/hangfire", "httponly", "samesite=strict", "expires=" })
            Assert.Contains(attribute, setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here
        var token = setCookie.Split(';')[0]["daiban_dashboard=".Length..];
        var browser = App.CreateClient(new() { HandleCookies = false });

        var dashboard = await SendAsync(browser, HttpMethod.Get, "/hangfire", cookie: token);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Daiban 后台任务", await dashboard.Content.ReadAsStringAsync());
        // The cookie anywhere else, or its token as a bearer, opens nothing.
        await ProblemAssert.IsProblemAsync(await SendAsync(browser, HttpMethod.Get, "/api/staff/me", cookie: token), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await SendAsync(browser, HttpMethod.Get, "/api/staff/admin/staff", bearer: token), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await SendAsync(browser, HttpMethod.Post, "/api/staff/dashboard-session", bearer: token), HttpStatusCode.Forbidden);
        // Only an admin gets one.
        await ProblemAssert.IsProblemAsync(await (await App.SignedInAsync("liqiang")).PostAsync("/api/staff/dashboard-session", null), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await App.CreateClient().PostAsync("/api/staff/dashboard-session", null), HttpStatusCode.Unauthorized);

        // Signing out clears it, signed in or not.
        var closed = await App.CreateClient().DeleteAsync("/api/staff/dashboard-session");
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        var cleared = Assert.Single(closed.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("daiban_dashboard=;", cleared);
        Assert.Contains("path=/hangfire", cleared, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.OrdinalIgnoreCase);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? cookie = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (cookie is not null)
            request.Headers.Add("Cookie", $"daiban_dashboard={cookie}");
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client.SendAsync(request);
    }
}
