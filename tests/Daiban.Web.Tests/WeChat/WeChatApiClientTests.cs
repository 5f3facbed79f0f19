using Daiban.Testing;
using Daiban.WeChat;
using Daiban.WeChat.Api;
using Daiban.WeChat.Emulator;
using Daiban.Web.Cases;
using Daiban.Web.Platform;
using Daiban.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Daiban.Web.Tests.WeChat;

/// <summary>The client against the emulator: the retry table of docs/architecture.md §11, the shared token, the value rules.</summary>
[Collection(HostCollection.Name)]
public sealed class WeChatApiClientTests(ProductionLikeApp app)
{
    private WeChatEmulator Emulator => app.Services.GetRequiredService<WeChatEmulator>();

    private (WeChatApiClient Client, AsyncServiceScope Scope) NewClient()
    {
        var scope = app.Services.CreateAsyncScope();
        return (scope.ServiceProvider.GetRequiredService<WeChatApiClient>(), scope);
    }

    private static CustomerServiceMessageRequest Text(string to, string text) => new(to, "text", new CustomerServiceText(text));

    [Fact]
    public async Task BusyOnce_IsRetried_AndSentOnce()
    {
        var openId = $"oBusy{Guid.NewGuid():N}"[..24];
        Emulator.OpenCustomerServiceWindow(openId);
        Emulator.InjectFault("cgi-bin/message/custom/send", -1, 1);
        var (client, scope) = NewClient();
        await using var _ = scope;

        await client.SendCustomerServiceMessageAsync(WeChatApp.MiniProgram, Text(openId, "您好"), CancellationToken.None);

        Assert.Single(Emulator.Messages(openId));
    }

    [Fact]
    public async Task StaleTokenOnce_IsRefreshedOnce_AndTheCallSucceeds()
    {
        var openId = $"oTok{Guid.NewGuid():N}"[..24];
        Emulator.OpenCustomerServiceWindow(openId);
        var (client, scope) = NewClient();
        await using var _ = scope;
        await client.SendCustomerServiceMessageAsync(WeChatApp.MiniProgram, Text(openId, "一"), CancellationToken.None);
        var issued = Emulator.TokensIssued(WeChatApp.MiniProgram);

        Emulator.InjectFault("cgi-bin/message/custom/send", 40001, 1);
        await client.SendCustomerServiceMessageAsync(WeChatApp.MiniProgram, Text(openId, "二"), CancellationToken.None);

        Assert.Equal(issued + 1, Emulator.TokensIssued(WeChatApp.MiniProgram));
        Assert.Equal(["一", "二"], Emulator.Messages(openId).Select(m => m.Content));
    }

    [Fact]
    public async Task StaleTokenTwice_IsNotLoopedOn()
    {
        var openId = $"oTok2{Guid.NewGuid():N}"[..24];
        Emulator.OpenCustomerServiceWindow(openId);
        Emulator.InjectFault("cgi-bin/message/custom/send", 40001, 2);
        var (client, scope) = NewClient();
        await using var _ = scope;

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomerServiceMessageAsync(WeChatApp.MiniProgram, Text(openId, "x"), CancellationToken.None));

        Assert.Equal(WeChatErrorKind.TokenInvalid, e.Kind);
        Assert.Empty(Emulator.Messages(openId));
    }

    [Theory]
    [InlineData(45011, WeChatErrorKind.RateLimited)]
    [InlineData(45009, WeChatErrorKind.QuotaExhausted)]
    [InlineData(48001, WeChatErrorKind.Configuration)]
    public async Task OtherFaults_SurfaceClassified_WithoutRetry(int errCode, WeChatErrorKind kind)
    {
        var openId = $"oF{errCode}{Guid.NewGuid():N}"[..24];
        Emulator.OpenCustomerServiceWindow(openId);
        Emulator.InjectFault("cgi-bin/message/custom/send", errCode, 1);
        var (client, scope) = NewClient();
        await using var _ = scope;

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomerServiceMessageAsync(WeChatApp.MiniProgram, Text(openId, "x"), CancellationToken.None));

        Assert.Equal(errCode, e.ErrCode);
        Assert.Equal(kind, e.Kind);
        // Not retried: the next call goes through on the first try.
        await client.SendCustomerServiceMessageAsync(WeChatApp.MiniProgram, Text(openId, "y"), CancellationToken.None);
        Assert.Single(Emulator.Messages(openId));
    }

    [Fact]
    public async Task SubscribeMessage_ConsumesOneTimeQuota_Then43101()
    {
        var openId = $"oSub{Guid.NewGuid():N}"[..24];
        Emulator.AcceptSubscription(openId, "TPL_CASE_REGISTERED", 1);
        var (client, scope) = NewClient();
        await using var _ = scope;
        var request = new SubscribeMessageRequest(openId, "TPL_CASE_REGISTERED",
            new Dictionary<string, TemplateValue> { ["thing1"] = new("您的代办申请已登记"), ["character_string2"] = new("DB20260302-000001") }, "pages/case/case?id=1");

        await client.SendSubscribeMessageAsync(request, CancellationToken.None);
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendSubscribeMessageAsync(request, CancellationToken.None));

        Assert.Equal(43101, e.ErrCode);
        Assert.Equal(WeChatErrorKind.RecipientUnavailable, e.Kind);
        var sent = Assert.Single(Emulator.Messages(openId));
        Assert.Equal("您的代办申请已登记", sent.Data!.Value.GetProperty("thing1").GetProperty("value").GetString());
    }

    [Fact]
    public async Task TwoInstancesSharingRedis_FetchOneToken()
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var store = new SharedStoreOptions { KeyPrefix = $"daiban-test-token:{Guid.NewGuid():N}:" };
        var options = app.Services.GetRequiredService<IOptions<WeChatOptions>>();
        var http = app.Services.GetRequiredService<IHttpClientFactory>();
        var a = new AccessTokenProvider(http, new RedisSharedStore(redis, store), options, TimeProvider.System, NullLogger<AccessTokenProvider>.Instance);
        var b = new AccessTokenProvider(http, new RedisSharedStore(redis, store), options, TimeProvider.System, NullLogger<AccessTokenProvider>.Instance);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).GetAsync(WeChatApp.OfficialAccount, CancellationToken.None)));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, a.FetchCount + b.FetchCount);
    }

    [Fact]
    public async Task Code2Session_CodeWorksOnce()
    {
        var code = Emulator.IssueLoginCode("oLoginOnce");
        var (client, scope) = NewClient();
        await using var _ = scope;

        var session = await client.Code2SessionAsync(code, CancellationToken.None);
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.Code2SessionAsync(code, CancellationToken.None));

        Assert.Equal("oLoginOnce", session.OpenId);
        Assert.NotEmpty(session.SessionKey);
        Assert.Equal(40163, e.ErrCode);
        Assert.Equal(40029, (await Assert.ThrowsAsync<WeChatApiException>(() => client.Code2SessionAsync("nonsense", CancellationToken.None))).ErrCode);
    }

    [Fact]
    public async Task TemplateMessage_OnlyToFollowers_AndClientMsgIdSendsOnce()
    {
        var openId = $"oOA{Guid.NewGuid():N}"[..24];
        var (client, scope) = NewClient();
        await using var _ = scope;
        var options = app.Services.GetRequiredService<IOptions<WeChatOptions>>().Value;
        var request = new TemplateMessageRequest(openId, "TPL_NEW_ASSIGNMENT",
            new Dictionary<string, TemplateValue> { ["thing1"] = new("海达新材料年产2万吨项目"), ["time2"] = new("2026年3月2日 09:00") },
            new MiniProgramJump(options.MiniProgram.AppId, "pages/agent/case/case?id=7"), ClientMsgId: "case-7-assigned");

        Assert.Equal(43004, (await Assert.ThrowsAsync<WeChatApiException>(() => client.SendTemplateMessageAsync(request, CancellationToken.None))).ErrCode);
        Emulator.Follow(openId);
        await client.SendTemplateMessageAsync(request, CancellationToken.None);
        await client.SendTemplateMessageAsync(request, CancellationToken.None);

        var sent = Assert.Single(Emulator.Messages(openId));
        Assert.Equal("pages/agent/case/case?id=7", sent.Page);
    }

    [Fact]
    public async Task APageTheMiniProgramDoesNotHave_Is41030_AndNotRetryable()
    {
        var openId = $"oPage{Guid.NewGuid():N}"[..24];
        var (client, scope) = NewClient();
        await using var _ = scope;
        var options = app.Services.GetRequiredService<IOptions<WeChatOptions>>().Value;
        var data = new Dictionary<string, TemplateValue> { ["thing1"] = new("测试") };
        Emulator.AcceptSubscription(openId, "TPL_PAGE", 2);
        Emulator.Follow(openId);

        // The paths notices used to carry: none is a page of miniprogram/app.json.
        var subscribe = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendSubscribeMessageAsync(
            new SubscribeMessageRequest(openId, "TPL_PAGE", data, "pages/case/detail?id=7"), CancellationToken.None));
        var jump = new MiniProgramJump(options.MiniProgram.AppId, "pages/agent/case?id=7");
        var template = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendTemplateMessageAsync(
            new TemplateMessageRequest(openId, "TPL_PAGE", data, jump), CancellationToken.None));

        Assert.Equal(41030, subscribe.ErrCode);
        Assert.Equal(41030, template.ErrCode);
        Assert.Equal(WeChatErrorKind.Rejected, template.Kind);
        Assert.False(template.IsRetryable);
        Assert.Empty(Emulator.Messages(openId));
        // A page of app.json (its query aside) is accepted.
        await client.SendSubscribeMessageAsync(new SubscribeMessageRequest(openId, "TPL_PAGE", data, "pages/case/case?id=7"),
            CancellationToken.None);
        Assert.Equal("pages/case/case?id=7", Assert.Single(Emulator.Messages(openId)).Page);
    }

    [Fact]
    public async Task Values_BreakingKeywordRules_Are47003_AndFitMakesThemPass()
    {
        var openId = $"oLen{Guid.NewGuid():N}"[..24];
        Emulator.AcceptSubscription(openId, "TPL_X", 2);
        var (client, scope) = NewClient();
        await using var _ = scope;
        const string longName = "乳山市海达新材料有限公司年产两万吨环保建材项目一期工程";

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendSubscribeMessageAsync(
            new SubscribeMessageRequest(openId, "TPL_X", new Dictionary<string, TemplateValue> { ["thing1"] = new(longName) }), CancellationToken.None));
        Assert.Equal(47003, e.ErrCode);

        await client.SendSubscribeMessageAsync(new SubscribeMessageRequest(openId, "TPL_X",
            new Dictionary<string, TemplateValue> { ["thing1"] = new(TemplateValueRules.Fit("thing1", longName)) }), CancellationToken.None);
        Assert.Equal(20, Emulator.Messages(openId).Single().Data!.Value.GetProperty("thing1").GetProperty("value").GetString()!.Length);
    }

    [Fact]
    public async Task CustomerService_NeedsTheWindow_AndAllowsFiveReplies()
    {
        var openId = $"oCS{Guid.NewGuid():N}"[..24];
        var (client, scope) = NewClient();
        await using var _ = scope;

        Assert.Equal(45015, (await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomerServiceMessageAsync(WeChatApp.MiniProgram, Text(openId, "x"), CancellationToken.None))).ErrCode);
        Emulator.OpenCustomerServiceWindow(openId);
        for (var i = 0; i < 5; i++)
            await client.SendCustomerServiceMessageAsync(WeChatApp.MiniProgram, Text(openId, $"第{i + 1}条"), CancellationToken.None);
        Assert.Equal(45047, (await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomerServiceMessageAsync(WeChatApp.MiniProgram, Text(openId, "第6条"), CancellationToken.None))).ErrCode);
    }

    [Fact]
    public async Task MsgSecCheck_WxaCode_UrlLink_PhoneNumber()
    {
        var (client, scope) = NewClient();
        await using var _ = scope;

        Assert.Equal("pass", (await client.CheckTextAsync(new MsgSecCheckRequest("施工许可证怎么办", "oSec", 2), CancellationToken.None)).Result!.Suggest);
        Assert.Equal("risky", (await client.CheckTextAsync(new MsgSecCheckRequest("可以代开发票吗", "oSec", 2), CancellationToken.None)).Result!.Suggest);
        var png = await client.GetUnlimitedWxaCodeAsync(new WxaCodeRequest("case=7", "pages/case/detail"), CancellationToken.None);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(40169, (await Assert.ThrowsAsync<WeChatApiException>(() => client.GetUnlimitedWxaCodeAsync(new WxaCodeRequest(new string('x', 33)), CancellationToken.None))).ErrCode);
        Assert.StartsWith("https://wxaurl.cn/", (await client.GenerateUrlLinkAsync(new UrlLinkRequest("pages/case/detail", "id=7"), CancellationToken.None)).UrlLink);
        var phoneCode = Emulator.IssuePhoneCode("13806310001", "oPhone");
        var phone = await client.GetPhoneNumberAsync(new PhoneNumberRequest(phoneCode, "oPhone"), CancellationToken.None);
        Assert.Equal("13806310001", phone.PhoneInfo!.PurePhoneNumber);
        Assert.Equal(40029, (await Assert.ThrowsAsync<WeChatApiException>(() => client.GetPhoneNumberAsync(new PhoneNumberRequest(phoneCode), CancellationToken.None))).ErrCode);
    }
}
