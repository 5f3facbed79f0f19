using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Daiban.Core.Inbound;
using Daiban.Core.Notifications;
using Daiban.WeChat.Crypto;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Daiban.WeChat.Push;

/// <summary>
/// WeChat's message push for the mini-program and the Official Account. Verify, decrypt, record durably when the
/// push asks for work, answer "success"; the work happens in <see cref="InboundMessageProcessor"/>. A retry of something already
/// recorded is answered "success" and dropped, whichever instance it reaches: the record's unique de-duplication key
/// decides, not a cache, so a retry that arrives while the first delivery is still being stored waits for that
/// store to succeed or fail instead of being answered for a push that might never be recorded.
/// </summary>
public static class PushEndpoints
{
    public static void MapPushEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/wx/push").WithTags("WeChat push");
        g.MapGet("/miniprogram", (HttpRequest r, IOptions<WeChatOptions> o) => Verify(r, o.Value.MiniProgram))
            .WithName("VerifyMiniProgramPush").WithSummary("小程序消息推送：服务器地址验证");
        g.MapGet("/officialaccount", (HttpRequest r, IOptions<WeChatOptions> o) => Verify(r, o.Value.OfficialAccount))
            .WithName("VerifyOfficialAccountPush").WithSummary("公众号消息推送：服务器地址验证");
        g.MapPost("/miniprogram", (HttpRequest r, PushReceiver receiver, IOptions<WeChatOptions> o, CancellationToken ct) =>
                receiver.ReceiveAsync(r, WeChatApp.MiniProgram, o.Value.MiniProgram, ct))
            .WithName("ReceiveMiniProgramPush").WithSummary("小程序消息推送：接收消息与事件");
        g.MapPost("/officialaccount", (HttpRequest r, PushReceiver receiver, IOptions<WeChatOptions> o, CancellationToken ct) =>
                receiver.ReceiveAsync(r, WeChatApp.OfficialAccount, o.Value.OfficialAccount, ct))
            .WithName("ReceiveOfficialAccountPush").WithSummary("公众号消息推送：接收消息与事件");
    }

    internal static IResult Verify(HttpRequest request, WeChatAppOptions app)
    {
        var q = request.Query;
        string? signature = q["signature"], timestamp = q["timestamp"], nonce = q["nonce"], echo = q["echostr"];
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || echo is null)
            return Problem(StatusCodes.Status400BadRequest, "缺少签名参数");
        if (!PushSignature.Matches(PushSignature.Compute(app.Token, timestamp, nonce), signature))
            return Problem(StatusCodes.Status401Unauthorized, "签名校验失败");
        return TypedResults.Text(echo, "text/plain", Encoding.UTF8);
    }

    internal static ProblemHttpResult Problem(int status, string title) => TypedResults.Problem(title: title, statusCode: status);
}

/// <summary>The POST half of the push endpoints, as a service so it can be measured and tested on its own.</summary>
public sealed class PushReceiver(
    InboundRecorder recorder,
    InboundWriteGate gate,
    PushReplayGuard replay,
    TimeProvider clock,
    ILogger<PushReceiver> logger)
{
    private readonly ConcurrentDictionary<(string Key, string AppId), WeChatMessageCrypto> _crypto = new();

    public async Task<IResult> ReceiveAsync(HttpRequest request, WeChatApp app, WeChatAppOptions options, CancellationToken ct)
    {
        var q = request.Query;
        string? signature = q["signature"], timestamp = q["timestamp"], nonce = q["nonce"];
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce))
            return PushEndpoints.Problem(StatusCodes.Status400BadRequest, "缺少签名参数");
        if (!PushSignature.Matches(PushSignature.Compute(options.Token, timestamp, nonce), signature))
            return PushEndpoints.Problem(StatusCodes.Status401Unauthorized, "签名校验失败");
        // The signature never covers the body: bound it in time, and (below) to its body.
        if (!replay.IsFresh(timestamp))
            return PushEndpoints.Problem(StatusCodes.Status401Unauthorized, "推送时间戳无效或已过期");
        if (nonce.Length > PushReplayGuard.MaxNonceLength)
            return PushEndpoints.Problem(StatusCodes.Status400BadRequest, "推送随机数过长");
        var encrypted = q["encrypt_type"] == "aes";
        // With an EncodingAESKey, only the ciphertext is authenticated (msg_signature, AppId inside): a plain body
        // could be anything posted under a leaked query string.
        if (!encrypted && options.EncodingAESKey.Length > 0)
            return PushEndpoints.Problem(StatusCodes.Status401Unauthorized, "已配置消息加密，只接受安全模式推送");
        if (request.ContentLength > PushParser.MaxBodyBytes)
            return PushEndpoints.Problem(StatusCodes.Status413PayloadTooLarge, "推送内容过大");

        string body;
        try
        {
            body = await ReadBoundedAsync(request, ct);
        }
        catch (InvalidDataException)
        {
            return PushEndpoints.Problem(StatusCodes.Status413PayloadTooLarge, "推送内容过大");
        }

        PushMessage message;
        try
        {
            message = PushParser.Parse(body);
            if (encrypted)
            {
                var cipher = message.Encrypt ?? throw new FormatException("Safe mode push without Encrypt.");
                var crypto = _crypto.GetOrAdd((options.EncodingAESKey, options.AppId), k => new WeChatMessageCrypto(k.Key, k.AppId));
                var decrypted = crypto.VerifyAndDecrypt(options.Token, timestamp, nonce, cipher, q["msg_signature"]);
                message = PushParser.Parse(decrypted);
            }
        }
        catch (WeChatCryptoException e)
        {
            logger.LogWarning("Refused a {App} push: {Error}", app, e.Error);
            return PushEndpoints.Problem(e.Error == CryptoError.InvalidSignature ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest, "推送内容无法解密");
        }
        catch (FormatException)
        {
            logger.LogWarning("Refused a malformed {App} push", app);
            return PushEndpoints.Problem(StatusCodes.Status400BadRequest, "推送内容格式错误");
        }
        if (string.IsNullOrEmpty(message.FromUser) || string.IsNullOrEmpty(message.MsgType))
            return PushEndpoints.Problem(StatusCodes.Status400BadRequest, "推送内容缺少发送者或消息类型");
        // Plain mode: nothing authenticates the body, so the nonce may carry only the body it first came with.
        if (!encrypted)
        {
            switch (await replay.UseNonceAsync(app, timestamp, nonce, body))
            {
                case NonceVerdict.Reused:
                    logger.LogWarning("Refused a {App} push: nonce reused with another body", app);
                    return PushEndpoints.Problem(StatusCodes.Status401Unauthorized, "推送随机数已被使用，拒绝重放");
                case NonceVerdict.Unavailable:
                    return PushEndpoints.Problem(StatusCodes.Status503ServiceUnavailable, "暂时无法校验推送，请稍后重试");
            }
        }

        var now = clock.GetUtcNow();
        var inbound = new InboundMessage(app.ToString(), $"{app}:{message.DeduplicationKey}", message.FromUser, message.MsgType, message.Event, message.Content,
            message.ToJson(), now);
        if (InboundMessageProcessor.NothingToDo(message.MsgType, message.Event, message.Content) is { } ignored)
        {
            // Nothing to do, so nothing to lose: answered at once, its record written behind.
            inbound.MarkProcessed(ignored, now);
            recorder.RecordBehind(inbound);
            return Success();
        }
        // Answer only once the row is durable: from here on a crash can delay the work, never lose it. A retry of a
        // push already stored, on this instance or another, meets the row's unique key and is answered without work.
        // If recording fails, WeChat sees the failure and retries. Subscription choices are only database work: on
        // the embedded database they are applied in the transaction that stores the push (see the gate for why only
        // there). One whose list cannot be read is stored unworked and the processor records why it fails.
        var outcome = gate.WorksChoicesWhileRecording && WorkSubscriptionChoices(inbound, message, now) is { } choices
            ? await recorder.RecordAsync(inbound, choices, ct)
            : await recorder.RecordAsync(inbound, ct);
        logger.LogDebug("{Outcome} {App} push {MsgType}/{Event}", outcome, app, message.MsgType, message.Event);
        return Success();
    }

    /// <summary>The choices of a subscription push, which is marked processed; null for any other push or an unreadable list.</summary>
    private static IReadOnlyList<SubscriptionConsent.PushedChoice>? WorkSubscriptionChoices(InboundMessage inbound, PushMessage message, DateTimeOffset now)
    {
        if (!SubscriptionChoicePush.Is(message.MsgType, message.Event))
            return null;
        try
        {
            return SubscriptionChoicePush.Work(inbound, message.Fields, now);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // WeChat reads anything but "success" or an empty body as a failure and shows the user an error banner.
    private static IResult Success() => TypedResults.Text("success", "text/plain", Encoding.UTF8);

    private static async Task<string> ReadBoundedAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(PushParser.MaxBodyBytes + 1);
        try
        {
            var total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(total, PushParser.MaxBodyBytes + 1 - total), ct)) > 0)
            {
                total += read;
                if (total > PushParser.MaxBodyBytes)
                    throw new InvalidDataException("Push body too large.");
            }
            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
