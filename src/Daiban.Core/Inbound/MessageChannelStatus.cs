using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Inbound;

/// <summary>
/// How the WeChat message channel is doing, for the admin asked "did my message get through?": pushes waiting for
/// their work and pushes given up after <see cref="InboundMessage.MaxAttempts"/> tries; notifications waiting, failed
/// for good, or kept in the in-app list only. Every count is read through an index: the page stays cheap however
/// many pushes the tables hold.
/// </summary>
public sealed record MessageChannelStatus(
    DateTimeOffset? LastPushAt,
    int PushesWaiting,
    DateTimeOffset? OldestWaitingSince,
    int PushesGivenUp,
    IReadOnlyList<GivenUpPush> RecentlyGivenUp,
    int NotificationsWaiting,
    int NotificationsFailed,
    int NotificationsInAppOnlyToday,
    int PushRecordsKeptDays)
{
    /// <summary>
    /// A push normally waits seconds for its work (every instance sweeps the table every few seconds). One waiting this
    /// long means no processor is working the table, or its work fails without being recorded.
    /// </summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(10);

    /// <summary>When the oldest push still waiting for its work arrived; null when none waits.</summary>
    public static Task<DateTimeOffset?> OldestWaitingSinceAsync(DaibanDbContext db, CancellationToken ct) =>
        Waiting(db.InboundMessages.AsNoTracking()).OrderBy(m => m.ReceivedAt).Select(m => (DateTimeOffset?)m.ReceivedAt).FirstOrDefaultAsync(ct);

    private static IQueryable<InboundMessage> Waiting(IQueryable<InboundMessage> inbound) =>
        inbound.Where(m => m.ProcessedAt == null && m.Attempts < InboundMessage.MaxAttempts);

    /// <param name="pushRecordsKeptDays">Days a finished push is kept before the nightly deletion (0: kept), shown so the
    /// operator knows how long a given-up push stays to be looked at.</param>
    public static async Task<MessageChannelStatus> ReadAsync(DaibanDbContext db, DateTimeOffset now, int pushRecordsKeptDays, CancellationToken ct)
    {
        var inbound = db.InboundMessages.AsNoTracking();
        var waiting = Waiting(inbound);
        var givenUp = inbound.Where(m => m.ProcessedAt == null && m.Attempts >= InboundMessage.MaxAttempts);
        var dayAgo = now.AddDays(-1);
        return new MessageChannelStatus(
            await inbound.OrderByDescending(m => m.Id).Select(m => (DateTimeOffset?)m.ReceivedAt).FirstOrDefaultAsync(ct),
            await waiting.CountAsync(ct),
            await OldestWaitingSinceAsync(db, ct),
            await givenUp.CountAsync(ct),
            await givenUp.OrderByDescending(m => m.Id).Take(20)
                .Select(m => new GivenUpPush(m.Id, m.Channel, m.MsgType, m.Event, m.Attempts, m.LastError, m.ReceivedAt)).ToListAsync(ct),
            await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Pending, ct),
            await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Failed, ct),
            await db.Notifications.CountAsync(n => n.Status == NotificationStatus.InAppOnly && n.CreatedAt >= dayAgo, ct),
            pushRecordsKeptDays);
    }
}

/// <summary>A push whose work failed every time: what it was and the last error, never its content.</summary>
public sealed record GivenUpPush(long Id, string Channel, string MsgType, string? Event, int Attempts, string? LastError, DateTimeOffset ReceivedAt);
