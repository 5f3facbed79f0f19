using System.Text.Json;
using System.Text.Json.Serialization;
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

    /// <summary>Built by <see cref="Notices"/>, the one place that decides what a notice says and where it goes.</summary>
    public Notification(string deduplicationKey, RecipientKind recipientKind, long recipientId, NotificationChannel channel,
        string templateKey, string title, NoticeFields fields, NoticeTarget target, long? caseId, DateTimeOffset now)
    {
        DeduplicationKey = Guard.Required(deduplicationKey, "去重键", 128);
        RecipientKind = recipientKind;
        RecipientId = recipientId;
        Channel = channel;
        TemplateKey = templateKey;
        Title = title;
        FieldsJson = JsonSerializer.Serialize(fields, FieldsJsonOptions);
        Destination = target.Destination;
        DestinationCaseId = target.CaseId;
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
    /// <summary>
    /// Rows written before notices had <see cref="FieldsJson"/> carry the template's keyword values here and are sent
    /// as they are; new rows leave it empty.
    /// </summary>
    public string DataJson { get; private set; } = "";
    /// <summary>The notice's <see cref="NoticeFields"/>; null on rows from before they existed.</summary>
    public string? FieldsJson { get; private set; }
    public NoticeDestination Destination { get; private set; }
    public long? DestinationCaseId { get; private set; }
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

    public NoticeTarget Target => new(Destination, DestinationCaseId);

    public NoticeFields? Fields =>
        FieldsJson is null ? null : JsonSerializer.Deserialize<NoticeFields>(FieldsJson, FieldsJsonOptions);

    private static readonly JsonSerializerOptions FieldsJsonOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void MarkFailed(string error)
    {
        Attempts++;
        Status = NotificationStatus.Failed;
        LastError = error.Length > 500 ? error[..500] : error;
    }

}
