using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Web.Staff;
using Daiban.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Tests.Platform;

/// <summary>X-Forwarded-For and -Proto are believed from the configured proxies (and loopback) only.</summary>
[Collection(HostCollection.Name)]
public sealed class ReverseProxyTests
{
    private const string Proxy = "10.20.0.5";

    [Fact]
    public async Task BehindAKnownProxy_EachAnonymousAsker_HasItsOwnChatLimit()
    {
        await DaibanAppFactory.WithOwnHostAsync(new() { ["Chat:QuestionsPerMinute"] = "2", ["ReverseProxy:KnownNetworks:0"] = "10.20.0.0/16" }, async app =>
        {
            var proxy = app.ClientFrom(Proxy);
            for (var i = 0; i < 2; i++)
                Assert.Equal(HttpStatusCode.OK, await AskAsync(proxy, forwardedFor: "203.0.113.7"));

            Assert.Equal(HttpStatusCode.TooManyRequests, await AskAsync(proxy, forwardedFor: "203.0.113.7"));
            // Another asker behind the same proxy is not limited by the first one's questions.
            Assert.Equal(HttpStatusCode.OK, await AskAsync(proxy, forwardedFor: "203.0.113.8"));
        });
    }

    [Fact]
    public async Task FromAnUnknownAddress_TheForwardedHeader_IsIgnored()
    {
        await DaibanAppFactory.WithOwnHostAsync(new() { ["Chat:QuestionsPerMinute"] = "2" }, async app =>
        {
            var client = app.ClientFrom(Proxy);
            // A client naming a new address each time is still one client.
            for (var i = 0; i < 2; i++)
                Assert.Equal(HttpStatusCode.OK, await AskAsync(client, forwardedFor: $"198.51.100.{i}"));

            Assert.Equal(HttpStatusCode.TooManyRequests, await AskAsync(client, forwardedFor: "198.51.100.9"));
        });
    }

    [Fact]
    public async Task TheSchemeForwardedByTheProxy_MakesTheDashboardCookieSecure()
    {
        const string password = "Proxy-test-2026";
        await DaibanAppFactory.WithOwnHostAsync(new() { ["ReverseProxy:KnownProxies:0"] = Proxy, ["Demo:StaffPassword"] = password }, async app =>
        {
            var proxy = app.ClientFrom(Proxy);
            var login = await proxy.PostAsJsonAsync("/api/staff/auth/login", new { userName = "admin", password });
            var token = (await login.Content.ReadFromJsonAsync<StaffLoginResponse>())!.Token;

            var overHttps = await OpenDashboardAsync(proxy, token);
            var claimedByAClient = await OpenDashboardAsync(app.ClientFrom("10.99.0.1"), token);

            Assert.Contains("secure", string.Join(";", overHttps.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("secure", string.Join(";", claimedByAClient.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        }, demoData: true);
    }

    [Fact]
    public async Task AProxyThatIsNotAnAddress_StopsTheStart()
    {
        IAsyncLifetime app = new DaibanAppFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string, string> { ["ReverseProxy:KnownNetworks:0"] = "nginx" });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(app.InitializeAsync);
        await app.DisposeAsync();
        Assert.Contains("ReverseProxy:KnownProxies", e.Message);
    }

    private static async Task<HttpStatusCode> AskAsync(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat/ask") { Content = JsonContent.Create(new { question = "收费吗" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    private static Task<HttpResponseMessage> OpenDashboardAsync(HttpClient client, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/dashboard-session");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return client.SendAsync(request);
    }
}
