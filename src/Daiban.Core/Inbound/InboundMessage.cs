using Daiban.Core.Common;

namespace Daiban.Core.Inbound;

/// <summary>
/// A message or event WeChat pushed to us, recorded before we answer "success". The unique
/// <see cref="DeduplicationKey"/> (MsgId, or sender + time + type + event) makes WeChat's retries land once, on
/// any instance; <see cref="ProcessedAt"/> stays empty until the work is done, so a crash never loses one.
/// </summary>
public sealed class InboundMessage
{
    public const int MaxAttempts = 5;

    private InboundMessage() { }

    public InboundMessage(string channel, string deduplicationKey, string fromUser, string msgType, string? eventName,
        string? content, string payloadJson, DateTimeOffset receivedAt)
    {
        Channel = channel;
        DeduplicationKey = deduplicationKey;
        FromUser = fromUser;
        MsgType = msgType;
        Event = eventName;
        Content = content is { Length: > 2000 } ? content[..2000] : content;
        PayloadJson = payloadJson.Length > 8000 ? payloadJson[..8000] : payloadJson;
        ReceivedAt = receivedAt;
    }

    public long Id { get; private set; }
    /// <summary>MiniProgram or OfficialAccount.</summary>
    public string Channel { get; private set; } = "";
    public string DeduplicationKey { get; private set; } = "";
    public string FromUser { get; private set; } = "";
    public string MsgType { get; private set; } = "";
    public string? Event { get; private set; }
    public string? Content { get; private set; }
    public string PayloadJson { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
    public string? Outcome { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>
    /// The processor run that has taken this message, until <see cref="ClaimedUntil"/>. Every instance sweeps the
    /// same table; a claim (a conditional update) lets one of them work a message, and an expired one lets another
    /// take over from an instance that died.
    /// </summary>
    public string? ClaimToken { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public bool IsPending => ProcessedAt is null && Attempts < MaxAttempts;

    public void MarkProcessed(string outcome, DateTimeOffset now)
    {
        ProcessedAt = now;
        Outcome = outcome.Length > 200 ? outcome[..200] : outcome;
        LastError = null;
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        // Free for the next sweep, on whichever instance.
        ClaimedUntil = null;
    }
}
