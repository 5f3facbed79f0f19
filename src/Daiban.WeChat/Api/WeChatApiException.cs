namespace Daiban.WeChat.Api;

/// <summary>How the caller should treat a WeChat error (docs/architecture.md §11).</summary>
public enum WeChatErrorKind
{
    /// <summary>-1 busy, 43108 concurrent sends: try again shortly.</summary>
    Transient,
    /// <summary>45011: try again next minute.</summary>
    RateLimited,
    /// <summary>40001, 40014, 42001 after the one refresh the client already did.</summary>
    TokenInvalid,
    /// <summary>45009 daily quota: not today.</summary>
    QuotaExhausted,
    /// <summary>The recipient cannot receive it now (43101 no subscription, 43004 not following, 45015/45047 CS window).</summary>
    RecipientUnavailable,
    /// <summary>A bad code, template, page or payload: retrying never helps.</summary>
    Rejected,
    /// <summary>Wrong AppId/secret, IP whitelist, capability not enabled: an operator must act.</summary>
    Configuration,
    /// <summary>
    /// No answer within the client's timeout: WeChat may have carried the request out. Sending it again may deliver
    /// it twice; only a send WeChat de-duplicates itself (a template message's client_msg_id) is safe to repeat.
    /// </summary>
    Unanswered,
}

public sealed class WeChatApiException(string api, int errCode, string errMsg, Exception? inner = null)
    : Exception($"WeChat {api} failed with errcode {errCode}: {errMsg}", inner)
{
    /// <summary>Not a WeChat errcode: the answer never came (<see cref="WeChatErrorKind.Unanswered"/>).</summary>
    public const int NoAnswer = -9999;

    public string Api { get; } = api;
    public int ErrCode { get; } = errCode;
    public string ErrMsg { get; } = errMsg;
    public WeChatErrorKind Kind { get; } = Classify(errCode);

    public static WeChatApiException Unanswered(string api, Exception timeout) =>
        new(api, NoAnswer, "no answer within the timeout", timeout);

    /// <summary>
    /// Runs one HTTP call to WeChat and says what a transport failure means: no answer in time may have been carried
    /// out (<see cref="WeChatErrorKind.Unanswered"/>); a connection that failed was not, and is busy (-1).
    /// </summary>
    public static async Task<T> OnTransportAsync<T>(string api, Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw Unanswered(api, e);
        }
        catch (HttpRequestException e)
        {
            throw new WeChatApiException(api, -1, "unreachable: " + e.HttpRequestError, e);
        }
    }

    public bool IsRetryable => Kind is WeChatErrorKind.Transient or WeChatErrorKind.RateLimited or WeChatErrorKind.TokenInvalid;

    public static WeChatErrorKind Classify(int errCode) => errCode switch
    {
        -1 or 43108 => WeChatErrorKind.Transient,
        NoAnswer => WeChatErrorKind.Unanswered,
        45011 => WeChatErrorKind.RateLimited,
        40001 or 40014 or 42001 => WeChatErrorKind.TokenInvalid,
        45009 => WeChatErrorKind.QuotaExhausted,
        43101 or 43004 or 45015 or 45047 => WeChatErrorKind.RecipientUnavailable,
        40013 or 40125 or 40164 or 48001 or 40002 => WeChatErrorKind.Configuration,
        // A page the mini-program does not have: the notice is wrong, sending it again never helps.
        41030 => WeChatErrorKind.Rejected,
        _ => WeChatErrorKind.Rejected,
    };
}
