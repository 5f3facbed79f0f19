namespace Daiban.Core.Notifications;

public enum SendResult
{
    Sent,
    /// <summary>Cannot reach the recipient on WeChat now (no subscription, not following, not bound): keep it in the app.</summary>
    InAppOnly,
    /// <summary>A transient failure: try again later.</summary>
    RetryLater,
    /// <summary>Will never succeed as it is (bad template, bad data): stop and show it to an operator.</summary>
    Failed,
}

public sealed record SendOutcome(SendResult Result, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static readonly SendOutcome Sent = new(SendResult.Sent);
}

/// <summary>The port through which notifications leave Daiban (WeChat in production, the emulator in development).</summary>
public interface INotificationSender
{
    Task<SendOutcome> SendAsync(Notification notification, CancellationToken ct);
}
