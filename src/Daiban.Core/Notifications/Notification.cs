using Daiban.Core.Common;

namespace Daiban.Core.Notifications;

public enum NotificationChannel
{
    /// <summary>Mini-program subscribe message (to enterprise contacts).</summary>
    Subscribe,
    /// <summary>Official Account template message (to staff).</summary>
    Template,
    /// <summary>Customer-service message within the 48-hour window.</summary>
    CustomerService,
    /// <summary>Only the in-app message list.</summary>
    InApp,
}

public enum RecipientKind
{
    Staff,
    EnterpriseContact,
    /// <summary>Whoever asked in a consultation conversation (its WeChat openid), for customer-service replies.</summary>
    Conversation,
}

public enum NotificationStatus
{
    Pending,
    Sent,
    /// <summary>No subscription quota or the recipient cannot be reached: visible in the in-app list only.</summary>
    InAppOnly,
    Failed,
}

/// <summary>
/// The outbox: a notification is recorded in the same transaction as the change that causes it, and dispatched
/// afterwards. <see cref="DeduplicationKey"/> is unique, so re-running whatever produced it never sends twice.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(string deduplicationKey, RecipientKind recipientKind, long recipientId, NotificationChannel channel,
        string templateKey, string title, string dataJson, string? page, long? caseId, DateTimeOffset now)
    {
        DeduplicationKey = Guard.Required(deduplicationKey, "去重键", 128);
        RecipientKind = recipientKind;
        RecipientId = recipientId;
        Channel = channel;
        TemplateKey = templateKey;
        Title = title;
        DataJson = dataJson;
        Page = page;
        CaseId = caseId;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public const int MaxAttempts = 8;

    public long Id { get; private set; }
    public string DeduplicationKey { get; private set; } = "";
    public RecipientKind RecipientKind { get; private set; }
    public long RecipientId { get; private set; }
    public NotificationChannel Channel { get; private set; }
    /// <summary>Logical template (e.g. "case-assigned"); mapped to a WeChat template id by configuration.</summary>
    public string TemplateKey { get; private set; } = "";
    /// <summary>Short Chinese line for the in-app message list.</summary>
    public string Title { get; private set; } = "";
    public string DataJson { get; private set; } = "";
    public string? Page { get; private set; }
    public long? CaseId { get; private set; }
    public NotificationStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>When the dispatcher may try again; set on creation and pushed back after a transient failure.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>A transient failure: back off exponentially (10 s, 20 s, … capped at an hour), give up after <see cref="MaxAttempts"/>.</summary>
    public void MarkRetry(string error, TimeSpan? after, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = NotificationStatus.Failed;
            return;
        }
        var backoff = TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Attempts - 1)));
        NextAttemptAt = now + (after is { } a && a > backoff ? a : backoff);
    }

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        Status = NotificationStatus.Sent;
        SentAt = now;
        LastError = null;
    }

    public void MarkInAppOnly(string reason)
    {
        Status = NotificationStatus.InAppOnly;
        LastError = reason;
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        Status = NotificationStatus.Failed;
        LastError = error.Length > 500 ? error[..500] : error;
    }

}
