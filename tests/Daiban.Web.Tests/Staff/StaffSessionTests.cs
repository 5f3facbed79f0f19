using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Testing;
using Daiban.Web.Staff;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Staff;

/// <summary>
/// Staff tokens are taken back on the server: on two instances sharing MariaDB and Redis, what one instance changes
/// ends the tokens the other honours, on the next request.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class StaffSessionTests : StaffAppTest
{
    private async Task<T> OnSecondInstanceAsync<T>(Func<DaibanAppFactory, Task<T>> test)
    {
        IAsyncLifetime second = new DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis, sharedDatabase: App.Database);
        await second.InitializeAsync();
        try
        {
            return await test((DaibanAppFactory)second);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    private static HttpClient WithToken(DaibanAppFactory app, HttpClient signedIn)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    private static async Task AssertEndedAsync(HttpResponseMessage response) =>
        Assert.Contains("登录已失效", (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized)).GetProperty("title").GetString());

    [Fact]
    public async Task Deactivation_RoleChange_AndPasswordReset_EndTokens_OnTheOtherInstance()
    {
        var admin = await App.SignedInAsync("admin");
        var deactivated = await App.SignedInAsync("liqiang");
        var demoted = await App.SignedInAsync("wangmin");
        var reset = await App.SignedInAsync("zhangli");
        var untouched = await App.SignedInAsync("chenjing");

        await OnSecondInstanceAsync(async second =>
        {
            foreach (var client in new[] { deactivated, demoted, reset, untouched })
                Assert.Equal(HttpStatusCode.OK, (await WithToken(second, client).GetAsync("/api/staff/me")).StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/staff/admin/staff/{await App.StaffIdAsync("liqiang")}",
                new { active = false })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/staff/admin/staff/{await App.StaffIdAsync("wangmin")}",
                new { roles = new[] { "Agent" } })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/staff/admin/staff/{await App.StaffIdAsync("zhangli")}/password",
                new { password = "Another-pass-2026" })).StatusCode);

            await AssertEndedAsync(await WithToken(second, deactivated).GetAsync("/api/staff/me"));
            await AssertEndedAsync(await WithToken(second, demoted).GetAsync("/api/staff/cases"));
            await AssertEndedAsync(await WithToken(second, reset).GetAsync("/api/staff/me"));
            Assert.Equal(HttpStatusCode.OK, (await WithToken(second, untouched).GetAsync("/api/staff/me")).StatusCode);
            // A deactivated member cannot sign in again; the demoted clerk signs in with the new roles only.
            await ProblemAssert.IsProblemAsync(await App.CreateClient().PostAsJsonAsync("/api/staff/auth/login",
                new { userName = "liqiang", password = StaffApp.Password }), HttpStatusCode.Unauthorized);
            var again = await App.SignedInAsync("wangmin");
            Assert.Equal(["Agent"], (await again.GetFromJsonAsync<StaffSummary>("/api/staff/me"))!.Roles);
            return 0;
        });
    }

    [Fact]
    public async Task SigningOut_EndsTheToken_AndTheDashboardSessionOpenedFromIt()
    {
        var admin = await App.SignedInAsync("admin");
        var opened = await admin.PostAsync("/api/staff/dashboard-session", null);
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie")).Split(';')[0];
        var browser = App.CreateClient(new() { HandleCookies = false });
        var dashboard = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        dashboard.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(dashboard)).StatusCode);
        var elsewhere = await App.SignedInAsync("admin");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/staff/auth/logout", null)).StatusCode);

        await AssertEndedAsync(await admin.GetAsync("/api/staff/me"));
        await AssertEndedAsync(await admin.GetAsync("/api/staff/admin/staff"));
        var afterwards = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        afterwards.Headers.Add("Cookie", cookie);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.SendAsync(afterwards)).StatusCode);
        // Only that sign-in ends: the same admin signed in elsewhere goes on.
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/staff/me")).StatusCode);
    }

    [Fact]
    public async Task ATokenMarkingAHeaderCritical_IsRefused()
    {
        var agent = await App.SignedInAsync("liqiang");
        var token = agent.DefaultRequestHeaders.Authorization!.Parameter!;
        var parts = token.Split('.');
        var header = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>(Base64Url(parts[0]))!;
        header["crit"] = new[] { "exp-unknown" };
        header["exp-unknown"] = true;
        var forgedHeader = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(header));
        var key = System.Text.Encoding.UTF8.GetBytes("daiban-integration-tests-signing-key-0123456789");
        var signature = System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.ASCII.GetBytes($"{forgedHeader}.{parts[1]}"));
        var forged = $"{forgedHeader}.{parts[1]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(signature)}";
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/staff/me"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/staff/me")).StatusCode);
    }

    private static string Base64Url(string s) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(s);
}

/// <summary>Password guessing is capped for the whole cluster, whatever the name and however concurrent.</summary>
[Collection(HostCollection.Name)]
public sealed class StaffSignInLimitTests : StaffAppTest
{
    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/staff/auth/login", new { userName, password });

    [Fact]
    public async Task FortyConcurrentGuesses_OnTwoInstances_GetAtMostFivePasswordChecks()
    {
        IAsyncLifetime second = new DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis, sharedDatabase: App.Database);
        await second.InitializeAsync();
        long checks = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SecurityMetrics.MeterName && instrument.Name == "daiban.staff.password_checks")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref checks, value));
        listener.Start();
        try
        {
            var guesses = Enumerable.Range(0, 40).Select(i =>
                LoginAsync((i % 2 == 0 ? App : (DaibanAppFactory)second).ClientFrom($"198.51.100.{i}"), "liqiang", $"Wrong-guess-{i:D4}"));
            var answers = (await Task.WhenAll(guesses)).Select(r => r.StatusCode).ToList();

            // Counting after the check let all forty be checked (each read the same failure count).
            Assert.InRange(Interlocked.Read(ref checks), 1, StaffMember.MaxFailedSignIns);
            Assert.Equal(40, answers.Count(s => s is HttpStatusCode.Unauthorized or HttpStatusCode.Locked));
            await ProblemAssert.IsProblemAsync(await LoginAsync(App.ClientFrom("198.51.100.200"), "liqiang", StaffApp.Password),
                HttpStatusCode.Locked);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnUnknownName_LocksExactlyAsARealOne()
    {
        var client = App.ClientFrom("198.51.100.1");
        var real = new List<(HttpStatusCode, string?)>();
        var unknown = new List<(HttpStatusCode, string?)>();
        for (var i = 0; i < 6; i++)
        {
            foreach (var (name, answers) in new[] { ("liqiang", real), ("nobody-here", unknown) })
            {
                var body = await ProblemAssert.IsProblemAsync(await LoginAsync(client, name, "Whatever12345"),
                    i < 4 ? HttpStatusCode.Unauthorized : HttpStatusCode.Locked);
                answers.Add((i < 4 ? HttpStatusCode.Unauthorized : HttpStatusCode.Locked, body.GetProperty("title").GetString()));
            }
        }

        Assert.Equal(real, unknown);
    }

    [Fact]
    public async Task OneAddress_SprayingManyNames_IsStopped()
    {
        var sprayer = App.ClientFrom("203.0.113.66");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < StaffAuthEndpoints.AttemptsPerAddress + 1; i++)
            answers.Add((await LoginAsync(sprayer, $"user{i}", "Whatever12345")).StatusCode);

        Assert.All(answers[..StaffAuthEndpoints.AttemptsPerAddress], s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        var refused = await LoginAsync(sprayer, "liqiang", StaffApp.Password);
        Assert.Contains("频繁", (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests)).GetProperty("title").GetString());
        // Another address signs in as usual.
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(App.ClientFrom("203.0.113.67"), "liqiang", StaffApp.Password)).StatusCode);
    }
}
