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

    /// <summary>
    /// <see cref="AddOnceAsync"/> for many at once: one query per 500 keys instead of one per notification (a
    /// reminder sweep queues thousands). Returns how many were new.
    /// </summary>
    public static async Task<int> AddManyOnceAsync(this DaibanDbContext db, IEnumerable<Notification> notifications, CancellationToken ct)
    {
        var added = 0;
        foreach (var chunk in notifications.DistinctBy(n => n.DeduplicationKey).Chunk(500))
        {
            var keys = chunk.Select(n => n.DeduplicationKey).ToList();
            var existing = (await db.Notifications.Where(n => keys.Contains(n.DeduplicationKey)).Select(n => n.DeduplicationKey).ToListAsync(ct))
                .Concat(db.Notifications.Local.Select(n => n.DeduplicationKey)).ToHashSet(StringComparer.Ordinal);
            foreach (var n in chunk.Where(n => !existing.Contains(n.DeduplicationKey)))
            {
                db.Notifications.Add(n);
                added++;
            }
        }
        return added;
    }
}
