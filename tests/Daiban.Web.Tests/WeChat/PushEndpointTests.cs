using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.WeChat.Crypto;
using Daiban.WeChat.Emulator;
using Daiban.WeChat.Push;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Daiban.Web.Tests.WeChat.PushRequests;

namespace Daiban.Web.Tests.WeChat;

[Collection(HostCollection.Name)]
public sealed class PushEndpointTests(ProductionLikeApp app, EmbeddedApp embedded)
{
    private static long _msgId = 7_000_000_000_000_000;

    private static long NextMsgId() => Interlocked.Increment(ref _msgId);

    private async Task<int> InboundCountAsync(string from)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().InboundMessages.CountAsync(m => m.FromUser == from);
    }

    private IReadOnlyList<SentMessage> Replies(string openId) => app.Services.GetRequiredService<WeChatEmulator>().Messages(openId);

    [Fact]
    public async Task Verify_EchoesEchostr_WithConfiguredToken()
    {
        var (ts, nonce) = ("1714037059", "486452656");
        var response = await app.CreateClient().GetAsync($"/wx/push/miniprogram?signature={PushSignature.Compute(Token, ts, nonce)}&timestamp={ts}&nonce={nonce}&echostr=hello-echo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello-echo", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/wx/push/miniprogram")]
    [InlineData("/wx/push/officialaccount")]
    public async Task Verify_RefusesForgedSignature(string path)
    {
        var response = await app.CreateClient().GetAsync($"{path}?signature={new string('0', 40)}&timestamp=1&nonce=2&echostr=x");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    // Plain mode needs a host without an EncodingAESKey: see PushReplayTests.
    public static TheoryData<string> Modes() => ["safe-xml", "safe-json", "compatible-xml", "compatible-json"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Post_EveryModeAndFormat_IsRecordedAndAnswered(string mode)
    {
        var from = $"o{mode}{Guid.NewGuid():N}"[..28];
        var id = NextMsgId();
        var json = mode.EndsWith("json", StringComparison.Ordinal);
        var plain = json ? TextJson(from, "你好", id) : TextXml(from, "你好", id);
        app.Services.GetRequiredService<WeChatEmulator>().OpenCustomerServiceWindow(from);
        using var request = Encrypted(plain, json, compatible: mode.StartsWith("compatible", StringComparison.Ordinal));

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await InboundCountAsync(from));
        var replies = await Eventually.UntilAsync(() => Replies(from), r => r.Count > 0);
        Assert.Single(replies);
    }

    [Fact]
    public async Task FourIdenticalDeliveries_AreHandledOnce()
    {
        var from = $"oDup{Guid.NewGuid():N}"[..28];
        app.Services.GetRequiredService<WeChatEmulator>().OpenCustomerServiceWindow(from);
        using var request = Encrypted(TextXml(from, "重复推送", NextMsgId()));
        var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendCopyAsync(client, request)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await InboundCountAsync(from));
        await Eventually.UntilAsync(() => Replies(from), r => r.Count > 0);
        await Task.Delay(300);
        Assert.Single(Replies(from));
    }

    [Fact]
    public async Task FourDeliveries_AcrossTwoInstancesSharingMariaDbAndRedis_AreHandledOnce()
    {
        await using var second = new DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis, sharedDatabase: app.Database);
        await ((IAsyncLifetime)second).InitializeAsync();
        var from = $"oTwo{Guid.NewGuid():N}"[..28];
        using var request = Encrypted(TextXml(from, "两台实例", NextMsgId()));
        var clients = new[] { app.CreateClient(), second.CreateClient(), app.CreateClient(), second.CreateClient() };

        var responses = await Task.WhenAll(clients.Select(c => SendCopyAsync(c, request)));

        Assert.All(responses, r => Assert.Equal("success", r.Content.ReadAsStringAsync().Result));
        Assert.Equal(1, await InboundCountAsync(from));
    }

    [Fact]
    public async Task ARetry_ArrivingWhileTheFirstCopyIsBeingStored_IsAnsweredOnlyOnceThePushIsStored()
    {
        var from = $"oSlow{Guid.NewGuid():N}"[..28];
        using var request = Encrypted(TextXml(from, "数据库很慢时的重试", NextMsgId()));
        var client = app.CreateClient();
        // Another session holds the table: the first copy's insert waits, as it would on a database under load.
        await using var holder = new MySqlConnector.MySqlConnection(app.Database.MySqlConnectionString);
        await holder.OpenAsync();
        await using (var lockTable = new MySqlConnector.MySqlCommand("LOCK TABLES inbound_messages WRITE", holder))
            await lockTable.ExecuteNonQueryAsync();
        Task<HttpResponseMessage> first, retry;
        try
        {
            first = SendCopyAsync(client, request);
            await Task.Delay(200);
            retry = SendCopyAsync(client, request);
            await Task.WhenAny(retry, Task.Delay(1000));

            // Nothing is stored yet, so nobody may be told "success": had the retry been, a failed first write would lose the push.
            Assert.False(first.IsCompleted);
            Assert.False(retry.IsCompleted);
        }
        finally
        {
            await using var unlock = new MySqlConnector.MySqlCommand("UNLOCK TABLES", holder);
            await unlock.ExecuteNonQueryAsync();
        }

        Assert.All(await Task.WhenAll(first, retry), r => Assert.Equal("success", r.Content.ReadAsStringAsync().Result));
        Assert.Equal(1, await InboundCountAsync(from));
    }

    [Fact]
    public async Task EventsWithoutMsgId_AreDeduplicatedBySenderTimeAndEvent()
    {
        var from = $"oEvt{Guid.NewGuid():N}"[..28];
        string Event(string name) => $"<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName><CreateTime>1764000100</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{name}]]></Event></xml>";
        var client = app.CreateClient();

        await client.SendAsync(Encrypted(Event("user_enter_tempsession")));
        await client.SendAsync(Encrypted(Event("user_enter_tempsession")));
        await client.SendAsync(Encrypted(Event("subscribe_msg_popup_event")));

        // The event that asks for nothing is written behind: give it a few lingering periods, then no more rows come.
        for (var i = 0; i < 100 && await InboundCountAsync(from) < 2; i++)
            await Task.Delay(InboundRecorder.BehindLinger);
        await Task.Delay(InboundRecorder.BehindLinger * 5);
        Assert.Equal(2, await InboundCountAsync(from));
    }

    private static string Popup(string from, long time, string list) =>
        $"<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName><CreateTime>{time}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe_msg_popup_event]]></Event><SubscribeMsgPopupEvent>{list}</SubscribeMsgPopupEvent></xml>";

    private const string AcceptedList = "<List><TemplateId><![CDATA[TPL_A]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>0</PopupScene></List>";

    private static int? Remaining(DaibanAppFactory host, string openId)
    {
        using var scope = host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<DaibanDbContext>().SubscriptionQuotas.AsNoTracking()
            .Where(q => q.OpenId == openId).Select(q => (int?)q.Remaining).SingleOrDefault();
    }

    /// <summary>WeChat delivers one accepted popup four times at once; every copy must be answered "success".</summary>
    private static async Task<string> PopupAcceptedFourTimesAtOnceAsync(DaibanAppFactory host)
    {
        var from = $"oPop{Guid.NewGuid():N}"[..28];
        var client = host.CreateClient();
        var copies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.SendAsync(Encrypted(Popup(from, 1_764_000_200, AcceptedList)))));
        Assert.All(copies, r => Assert.Equal("success", r.Content.ReadAsStringAsync().Result));
        return from;
    }

    [Fact]
    public async Task OnTheEmbeddedDatabase_ASubscriptionPopupCountsByTheTimeItIsAnswered_OnceForAllItsCopies()
    {
        var from = await PopupAcceptedFourTimesAtOnceAsync(embedded);
        // Applied in the transaction that stored the push: no processor run to wait for.
        Assert.Equal(1, Remaining(embedded, from));
        await using var scope = embedded.Services.CreateAsyncScope();
        Assert.Equal("subscriptions 1 accepted, 0 rejected",
            (await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().InboundMessages.SingleAsync(m => m.FromUser == from)).Outcome);
    }

    [Fact]
    public async Task OnMariaDb_ASubscriptionPopupCountsOnceForAllItsCopies_AndAnUnreadableOneIsKeptForTheProcessor()
    {
        var from = await PopupAcceptedFourTimesAtOnceAsync(app);
        var client = app.CreateClient();
        Assert.Equal(1, await Eventually.UntilAsync(() => Remaining(app, from), r => r is not null));

        // A list that cannot be read is still answered (WeChat would only retry it), stored unworked for the processor
        // to record why, and grants nothing.
        var unreadable = await client.SendAsync(Encrypted(
            $"{{\"ToUserName\":\"gh\",\"FromUserName\":\"{from}\",\"CreateTime\":1764000201,\"MsgType\":\"event\",\"Event\":\"subscribe_msg_popup_event\",\"SubscribeMsgPopupEvent\":{{\"List\":{{\"TemplateId\":5}}}}}}",
            json: true));
        Assert.Equal("success", await unreadable.Content.ReadAsStringAsync());
        var failed = await Eventually.UntilAsync(() =>
        {
            using var scope = app.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<DaibanDbContext>().InboundMessages.AsNoTracking().Single(m => m.FromUser == from && m.ProcessedAt == null);
        }, m => m.Attempts > 0);
        Assert.Equal("InvalidOperationException", failed.LastError);
        Assert.Equal(1, Remaining(app, from));
        Assert.Equal(2, await InboundCountAsync(from));
    }

    [Fact]
    public async Task Dtd_IsRefusedAndNothingRecorded()
    {
        const string hostile = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><FromUserName>oDtd</FromUserName><MsgType>text</MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>";

        var response = await app.CreateClient().SendAsync(WithBody(Encrypted("<xml/>"), hostile));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await InboundCountAsync("oDtd"));
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var huge = TextXml("oHuge", new string('长', 40_000), NextMsgId());

        var response = await app.CreateClient().SendAsync(Encrypted(huge));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await InboundCountAsync("oHuge"));
    }

    [Fact]
    public async Task BadSignature_BadMsgSignature_AndForeignAppId_AreRefused()
    {
        var client = app.CreateClient();
        var plain = TextXml("oBad", "x", NextMsgId());

        var forged = Encrypted(plain, signatureToken: "someone-elses-token");
        await ProblemAssert.IsProblemAsync(await client.SendAsync(forged), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(Encrypted(plain, msgSignature: new string('a', 40))), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await client.SendAsync(Encrypted(plain, appId: "wxSomebodyElse00001")), HttpStatusCode.BadRequest);
        Assert.Equal(0, await InboundCountAsync("oBad"));
    }

    [Fact]
    public async Task EmulatorUserMessage_SafeMode_EndsInExactlyOneCustomerServiceReply()
    {
        var openId = $"oE2E{Guid.NewGuid():N}"[..28];
        var client = app.CreateClient();

        var report = await client.PostAsJsonAsync("/_wx/test/user-message", new { openId, text = "办理施工许可证需要什么材料？" });

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var delivery = await report.Content.ReadFromJsonAsync<PushDeliveryReport>();
        Assert.Equal("success", delivery!.Verdict);
        Assert.Equal(1, delivery.Deliveries);
        var messages = await Eventually.UntilAsync(() => Replies(openId), r => r.Count > 0);
        await Task.Delay(300);
        var listed = await client.GetFromJsonAsync<List<SentMessage>>($"/_wx/test/messages?touser={openId}");
        Assert.Single(listed!);
        Assert.Equal("customer-service", listed![0].Kind);
        // The bot answers a named item's materials from the catalogue.
        Assert.Contains("建筑工程施工许可申请表", listed[0].Content);
        Assert.Single(messages);
    }
}
