using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Notifications;

/// <summary>
/// Adds notifications to the same unit of work as the change that causes them; one per de-duplication key,
/// so re-running the cause never queues a second one.
/// </summary>
public static class NotificationOutbox
{
    public static async Task<bool> AddOnceAsync(this DaibanDbContext db, Notification notification, CancellationToken ct)
    {
        if (db.Notifications.Local.Any(n => n.DeduplicationKey == notification.DeduplicationKey)
            || await db.Notifications.AnyAsync(n => n.DeduplicationKey == notification.DeduplicationKey, ct))
            return false;
        db.Notifications.Add(notification);
        return true;
    }
}
