using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Daiban.Core.Notifications;

/// <summary>
/// Sends what the outbox holds: pending notifications whose time has come, oldest first, each saved right after
/// its own send so a crash repeats at most the one in flight. Safe to run twice at once (optimistic checks on
/// the row), though the job that calls it also takes a lock.
/// </summary>
public sealed class NotificationDispatcher(DaibanDbContext db, INotificationSender sender, TimeProvider clock, ILogger<NotificationDispatcher> logger)
{
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

    /// <summary>Sends these notifications (still pending ones only), in order, one save per send.</summary>
    public async Task<int> SendAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var due = (await db.Notifications.Where(n => ids.Contains(n.Id) && n.Status == NotificationStatus.Pending).ToListAsync(ct))
            .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id).ToList();
        foreach (var notification in due)
        {
            SendOutcome outcome;
            try
            {
                outcome = await sender.SendAsync(notification, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcome = new SendOutcome(SendResult.RetryLater, e.GetType().Name);
            }
            Apply(notification, outcome, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            logger.LogDebug("Notification {Id} ({Template}, {Channel}): {Result} {Reason}", notification.Id, notification.TemplateKey,
                notification.Channel, outcome.Result, outcome.Reason);
        }
        return due.Count;
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
