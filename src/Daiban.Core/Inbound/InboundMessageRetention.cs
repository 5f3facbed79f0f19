using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Inbound;

/// <summary>
/// Pushes are kept for a while and then deleted. A stored push is a transport record — its de-duplication matters for
/// minutes (WeChat retries within seconds), its outcome for the operator's follow-up — and it holds what a user typed
/// and their openid, which is not kept longer than that follow-up needs. Work still to do is never deleted: only pushes
/// processed, or given up after <see cref="InboundMessage.MaxAttempts"/> tries, before the cut-off.
/// </summary>
public static class InboundMessageRetention
{
    /// <summary>Deletes page by page, so neither a long lock nor a large transaction meets the pushes arriving meanwhile.</summary>
    /// <returns>How many pushes were deleted.</returns>
    public static async Task<int> PurgeAsync(DaibanDbContext db, DateTimeOffset cutoff, int pageSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var processed = db.InboundMessages.Where(m => m.ProcessedAt < cutoff);
        var givenUp = db.InboundMessages.Where(m => m.ProcessedAt == null && m.Attempts >= InboundMessage.MaxAttempts && m.ReceivedAt < cutoff);
        return await PurgePagesAsync(db, processed, pageSize, ct) + await PurgePagesAsync(db, givenUp, pageSize, ct);
    }

    private static async Task<int> PurgePagesAsync(DaibanDbContext db, IQueryable<InboundMessage> expired, int pageSize, CancellationToken ct)
    {
        var deleted = 0;
        while (true)
        {
            // Ids first, then a delete by key: MariaDB takes no LIMIT in the subquery a paged ExecuteDelete would need.
            var ids = await expired.Select(m => m.Id).Take(pageSize).ToListAsync(ct);
            if (ids.Count == 0)
                return deleted;
            deleted += await db.InboundMessages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(ct);
            if (ids.Count < pageSize)
                return deleted;
        }
    }
}
