using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Daiban.Core.Notifications;

/// <summary>
/// Sends what the outbox holds: pending notifications whose time has come, oldest first, each saved right after
/// its own send so a crash repeats at most the one in flight. Any number of dispatchers may run at once, on any
/// instance: each notification is claimed before it is sent (one conditional update of its row, see
/// <see cref="ClaimLease"/>), and only the dispatcher whose claim changed the row sends it.
/// </summary>
public sealed class NotificationDispatcher(DaibanDbContext db, INotificationSender sender, TimeProvider clock, ILogger<NotificationDispatcher> logger)
{
    /// <summary>
    /// How long a claim keeps a notification from other dispatchers. Far longer than one send (the WeChat client
    /// gives up after 10 s): it only matters when a dispatcher died between claim and save, and then the
    /// notification is tried again once the lease has passed.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    public async Task<int> DispatchDueAsync(int batchSize, CancellationToken ct) =>
        await SendAsync(await DueIdsAsync(db, clock.GetUtcNow(), batchSize, ct), ct);

    /// <summary>The ids of the pending notifications whose time has come, oldest first.</summary>
    public static Task<List<long>> DueIdsAsync(DaibanDbContext db, DateTimeOffset now, int batchSize, CancellationToken ct) =>
        db.Notifications
            .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now)
            .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id)
            .Select(n => n.Id)
            .Take(batchSize)
            .ToListAsync(ct);

    /// <summary>
    /// Sends those of these notifications that are still pending and due, in order, one save per send; returns how
    /// many this dispatcher sent. When another dispatcher holds one of a recipient's notifications, the rest of that
    /// recipient's are left to it, so one person's notices do not overtake each other.
    /// </summary>
    public async Task<int> SendAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = (await db.Notifications.Where(n => ids.Contains(n.Id) && n.Status == NotificationStatus.Pending
                    && n.NextAttemptAt <= now)
                .ToListAsync(ct))
            .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id).ToList();
        var heldElsewhere = new HashSet<(RecipientKind, long)>();
        var sent = 0;
        foreach (var notification in due)
        {
            var recipient = (notification.RecipientKind, notification.RecipientId);
            if (heldElsewhere.Contains(recipient))
                continue;
            if (!await ClaimAsync(notification, ct))
            {
                heldElsewhere.Add(recipient);
                continue;
            }
            SendOutcome outcome;
            try
            {
                outcome = await sender.SendAsync(notification, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                outcome = new SendOutcome(SendResult.RetryLater, e.GetType().Name);
            }
            Apply(notification, outcome, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            sent++;
            logger.LogDebug("Notification {Id} ({Template}, {Channel}): {Result} {Reason}", notification.Id, notification.TemplateKey,
                notification.Channel, outcome.Result, outcome.Reason);
        }
        return sent;
    }

    /// <summary>
    /// Moves the row's next attempt past the lease, on the condition that it is still pending, still due and still
    /// as this dispatcher read it. The database runs such updates one at a time per row, so of two dispatchers
    /// claiming at once exactly one changes the row; the other sees 0 rows and leaves the notification alone.
    /// </summary>
    private async Task<bool> ClaimAsync(Notification notification, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var read = notification.NextAttemptAt;
        var leaseEnds = now + ClaimLease;
        var claimed = await db.Notifications
            .Where(n => n.Id == notification.Id && n.Status == NotificationStatus.Pending
                && n.NextAttemptAt == read && n.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.NextAttemptAt, leaseEnds), ct) == 1;
        if (claimed)
        {
            // The tracked entity learns what the row now holds, so its own save writes only the outcome.
            var property = db.Entry(notification).Property(n => n.NextAttemptAt);
            property.CurrentValue = leaseEnds;
            property.OriginalValue = leaseEnds;
            property.IsModified = false;
        }
        return claimed;
    }

    private static void Apply(Notification n, SendOutcome outcome, DateTimeOffset now)
    {
        switch (outcome.Result)
        {
            case SendResult.Sent:
                n.MarkSent(now);
                break;
            case SendResult.InAppOnly:
                n.MarkInAppOnly(outcome.Reason ?? "");
                break;
            case SendResult.RetryLater:
                n.MarkRetry(outcome.Reason ?? "", outcome.RetryAfter, now);
                break;
            default:
                n.MarkFailed(outcome.Reason ?? "");
                break;
        }
    }
}
