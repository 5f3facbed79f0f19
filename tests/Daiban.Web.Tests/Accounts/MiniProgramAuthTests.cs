using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Web.Accounts;
using Daiban.Web.Cases;
using Daiban.Web.Staff;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Accounts;

[Collection(HostCollection.Name)]
public sealed class MiniProgramAuthTests(ProductionLikeApp app)
{
    private async Task<string> LoginCodeAsync(HttpClient client, string openId)
    {
        var response = await client.PostAsJsonAsync("/_wx/test/login-code", new { openid = openId });
        return (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["code"];
    }

    [Fact]
    public async Task Login_WithEmulatorCode_GivesAWorkingToken_AndKeepsSessionKeyEncrypted()
    {
        var client = app.CreateClient();
        var openId = $"oLogin{Guid.NewGuid():N}"[..28];

        var response = await client.PostAsJsonAsync("/api/mp/auth/login", new { code = await LoginCodeAsync(client, openId) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var login = (await response.Content.ReadFromJsonAsync<LoginResponse>())!;
        Assert.False(string.IsNullOrEmpty(login.Token));
        Assert.DoesNotContain("session", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Token);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/mp/me");
        Assert.Equal(login.UserId, me!.UserId);

        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().MiniProgramUsers.SingleAsync(u => u.OpenId == openId);
        var sessionKey = scope.ServiceProvider.GetRequiredService<SessionKeyProtector>().Unprotect(user.SessionKeyCipher);
        Assert.Equal(24, sessionKey.Length);
        Assert.DoesNotContain(sessionKey, user.SessionKeyCipher);
    }

    [Fact]
    public async Task Login_CodeWorksOnce_SecondIs401ProblemInChinese()
    {
        var client = app.CreateClient();
        var code = await LoginCodeAsync(client, $"oOnce{Guid.NewGuid():N}"[..28]);
        await client.PostAsJsonAsync("/api/mp/auth/login", new { code });

        var again = await client.PostAsJsonAsync("/api/mp/auth/login", new { code });

        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public Task Login_WhenWeChatDoesNotAnswer_Is503InChinese_AndTheNextLoginWorks() =>
        DaibanAppFactory.WithOwnHostAsync(new() { ["WeChat:ApiTimeout"] = "00:00:01" }, async own =>
        {
            var client = own.CreateClient();
            var openId = $"oStall{Guid.NewGuid():N}"[..28];
            own.Services.GetRequiredService<Daiban.WeChat.Emulator.WeChatEmulator>()
                .InjectFault("sns/jscode2session", 0, 1, TimeSpan.FromSeconds(3));

            var stalled = await client.PostAsJsonAsync("/api/mp/auth/login", new { code = await LoginCodeAsync(client, openId) });

            var body = await ProblemAssert.IsProblemAsync(stalled, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("微信服务暂时无法响应", body.GetProperty("title").GetString());
            Assert.NotNull(stalled.Headers.RetryAfter);
            var retried = await client.PostAsJsonAsync("/api/mp/auth/login", new { code = await LoginCodeAsync(client, openId) });
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        });

    [Fact]
    public async Task Login_TwiceForOneUser_KeepsOneUser()
    {
        var client = app.CreateClient();
        var openId = $"oTwice{Guid.NewGuid():N}"[..28];

        var first = await (await client.PostAsJsonAsync("/api/mp/auth/login", new { code = await LoginCodeAsync(client, openId) })).Content.ReadFromJsonAsync<LoginResponse>();
        var second = await (await client.PostAsJsonAsync("/api/mp/auth/login", new { code = await LoginCodeAsync(client, openId) })).Content.ReadFromJsonAsync<LoginResponse>();

        Assert.Equal(first!.UserId, second!.UserId);
    }

    [Theory]
    [InlineData("{}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("{\"code\":\"\"}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    public async Task Login_BadInput_IsAProblem(string body, HttpStatusCode status)
    {
        var response = await app.CreateClient().PostAsync("/api/mp/auth/login", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwia2luZCI6Im1wIn0.forged")]
    public async Task Me_WithoutValidToken_Is401Problem(string? token)
    {
        var client = app.CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/mp/me");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}

[Collection(HostCollection.Name)]
public sealed class PhoneBindingTests(ProductionLikeApp app)
{
    [Fact]
    public async Task BindPhone_UsesWeChatVerification_MasksIt_AndRefusesAReusedCode()
    {
        var openId = $"oPhone{Guid.NewGuid():N}"[..28];
        var client = await app.MiniProgramUserAsync(openId);
        var phoneCode = (await (await client.PostAsJsonAsync("/_wx/test/phone-code", new { phone = "13806318888", openid = openId })).Content.ReadFromJsonAsync<Dictionary<string, string>>())!["code"];

        var bound = await client.PostAsJsonAsync("/api/mp/me/phone", new { code = phoneCode });
        var reused = await client.PostAsJsonAsync("/api/mp/me/phone", new { code = phoneCode });

        Assert.Equal(HttpStatusCode.OK, bound.StatusCode);
        Assert.Equal("138****8888", (await bound.Content.ReadFromJsonAsync<MeResponse>())!.Phone);
        await ProblemAssert.IsProblemAsync(reused, HttpStatusCode.UnprocessableEntity);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal("13806318888", (await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().MiniProgramUsers.SingleAsync(u => u.OpenId == openId)).Phone);
    }
}
