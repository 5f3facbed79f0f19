using System.Net;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.WeChat;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Daiban.Web.Tests.WeChat.PushRequests;

namespace Daiban.Web.Tests.WeChat;

/// <summary>MariaDB + Redis with no EncodingAESKey: WeChat's plain mode, where nothing but the ledger binds a body.</summary>
public sealed class PlainPushApp() : DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis, settings: PlainSettings)
{
    public static readonly Dictionary<string, string> PlainSettings = new()
    {
        ["WeChat:MiniProgram:EncodingAESKey"] = "",
        ["WeChat:OfficialAccount:EncodingAESKey"] = "",
        ["WeChat:Emulator:PushSecurity"] = "Plain",
    };
}

/// <summary>
/// Issue 16 item 4: a leaked push query string (an access log) must not let anyone post any body, now or later.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PushReplayTests(ProductionLikeApp app, PlainPushApp plain) : IClassFixture<PlainPushApp>
{
    private static long _msgId = 7_100_000_000_000_000;

    private static long NextMsgId() => Interlocked.Increment(ref _msgId);

    private static async Task<List<string?>> ContentsFromAsync(DaibanAppFactory host, string from)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().InboundMessages.AsNoTracking()
            .Where(m => m.FromUser == from).Select(m => m.Content).ToListAsync();
    }

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(6 * 60)]
    [InlineData(-30 * 24 * 3600)]
    public async Task ATimestampOutsideTheWindow_IsRefusedAndNothingRecorded(int offsetSeconds)
    {
        var from = $"oOld{Guid.NewGuid():N}"[..28];
        var ts = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds).ToString();

        var response = await app.CreateClient().SendAsync(Encrypted(TextXml(from, "旧推送", NextMsgId()), timestamp: ts));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(await ContentsFromAsync(app, from));
    }

    [Theory]
    [InlineData("text/xml")]
    [InlineData("application/json")]
    public async Task APlainBody_IsRefused_WhenAnEncodingAesKeyIsConfigured(string contentType)
    {
        var from = $"oPln{Guid.NewGuid():N}"[..28];
        var body = contentType == "text/xml" ? TextXml(from, "投诉", NextMsgId()) : TextJson(from, "投诉", NextMsgId());

        var response = await app.CreateClient().SendAsync(Plain(body, contentType));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(await ContentsFromAsync(app, from));
    }

    public static TheoryData<string> PlainModes() => ["text/xml", "application/json"];

    [Theory]
    [MemberData(nameof(PlainModes))]
    public async Task WithoutAnEncodingAesKey_PlainPushesAreRecordedAndAnswered(string contentType)
    {
        var from = $"oPlain{Guid.NewGuid():N}"[..28];
        var body = contentType == "text/xml" ? TextXml(from, "你好", NextMsgId()) : TextJson(from, "你好", NextMsgId());

        var response = await plain.CreateClient().SendAsync(Plain(body, contentType));

        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        Assert.Equal(["你好"], await ContentsFromAsync(plain, from));
    }

    /// <summary>
    /// The review's attack: a real push's query string, from a log, with a forged complaint in the body. WeChat's own
    /// retry (same query, same body) still goes through, to either instance, and is handled once.
    /// </summary>
    [Fact]
    public async Task AUsedNonce_TakesOnlyItsFirstBody_OnEveryInstance_WhileTheRetryIsHandledOnce()
    {
        await using var second = new DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis, sharedDatabase: plain.Database,
            settings: PlainPushApp.PlainSettings);
        await ((IAsyncLifetime)second).InitializeAsync();
        var from = $"oRpl{Guid.NewGuid():N}"[..28];
        using var genuine = Plain(TextXml(from, "你好，想咨询施工许可", NextMsgId()));
        var first = await SendCopyAsync(plain.CreateClient(), genuine);
        Assert.Equal("success", await first.Content.ReadAsStringAsync());

        var retry = await SendCopyAsync(second.CreateClient(), genuine);
        var forged = await second.CreateClient().SendAsync(WithBody(genuine, TextXml(from, "投诉：代办员收费", NextMsgId())));
        var forgedHere = await plain.CreateClient().SendAsync(WithBody(genuine, TextXml(from, "投诉：再次", NextMsgId())));

        Assert.Equal("success", await retry.Content.ReadAsStringAsync());
        await ProblemAssert.IsProblemAsync(forged, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(forgedHere, HttpStatusCode.Unauthorized);
        Assert.Equal(["你好，想咨询施工许可"], await ContentsFromAsync(plain, from));
    }
}
