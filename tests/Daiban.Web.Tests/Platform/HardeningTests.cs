using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Daiban.Web.Tests.Support;

namespace Daiban.Web.Tests.Platform;

/// <summary>Issue 16 item 11: browser-facing headers, the Hangfire dashboard's forms, the anonymous bot's body.</summary>
public sealed partial class HardeningTests : StaffAppTest
{
    [Fact]
    public async Task EveryResponse_SaysNosniff_ProblemsIncluded()
    {
        var admin = await App.SignedInAsync("admin");
        var anonymous = App.CreateClient();

        var responses = new[]
        {
            await anonymous.GetAsync("/health"),
            await anonymous.GetAsync("/api/catalog/stages"),
            await anonymous.GetAsync("/api/no-such-thing"),
            await anonymous.GetAsync("/api/staff/me"),
            await anonymous.PostAsync("/api/chat/ask", new StringContent("{", Encoding.UTF8, "application/json")),
            await admin.GetAsync("/hangfire"),
            await anonymous.GetAsync("/console/"),
        };

        Assert.All(responses, r => Assert.Equal("nosniff", Assert.Single(r.Headers.GetValues("X-Content-Type-Options"))));
    }

    [Fact]
    public async Task TheDashboard_CannotBeFramed()
    {
        var page = await (await App.SignedInAsync("admin")).GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")));
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>A page of another site cannot make an admin's browser press the dashboard's buttons.</summary>
    [Fact]
    public async Task TheDashboardsButtons_NeedTheTokenOfItsOwnPage()
    {
        var admin = await App.SignedInAsync("admin");
        FormUrlEncodedContent Trigger() => new([new("jobs[]", "notifications-dispatch")]);

        var forged = await admin.PostAsync("/hangfire/recurring/trigger", Trigger());

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var page = await (await admin.GetAsync("/hangfire/recurring")).Content.ReadAsStringAsync();
        var header = AntiforgeryHeader().Match(page);
        var token = AntiforgeryToken().Match(page);
        Assert.True(header.Success && token.Success, "the dashboard page carries its antiforgery token");
        using var pressed = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger") { Content = Trigger() };
        pressed.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
        var own = await admin.SendAsync(pressed);
        Assert.True(own.IsSuccessStatusCode, $"{own.StatusCode}");
    }

    [Fact]
    public async Task TheAnonymousBot_RefusesABodyOverAFewKilobytes_WithAChinese413()
    {
        var padding = new string('x', 100_000);
        var body = $"{{\"question\":\"施工许可证要多久？\",\"padding\":\"{padding}\"}}";

        var response = await App.CreateClient().PostAsync("/api/chat/ask", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        var normal = await App.CreateClient().PostAsync("/api/chat/ask",
            new StringContent("{\"question\":\"施工许可证要多久？\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
    }

    [Fact]
    public async Task ApiAnswers_AreNeverCached_AndSignInRefusesAMegabyteBody()
    {
        var login = await App.CreateClient().PostAsJsonAsync("/api/staff/auth/login", new { userName = "nobody", password = "Whatever12345" });
        Assert.True(login.Headers.CacheControl?.NoStore, "a sign-in answer must not be stored");
        Assert.True((await App.CreateClient().GetAsync("/api/catalog/stages")).Headers.CacheControl?.NoStore);

        var padding = new string('x', 1_000_000);
        var huge = await App.CreateClient().PostAsync("/api/staff/auth/login",
            new StringContent($"{{\"userName\":\"admin\",\"password\":\"{padding}\"}}", Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge);
    }
}
