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
    /// <summary>Deletes page by page (<see cref="PagedDelete"/>).</summary>
    /// <returns>How many pushes were deleted.</returns>
    public static async Task<int> PurgeAsync(DaibanDbContext db, DateTimeOffset cutoff, int pageSize, CancellationToken ct)
    {
        var processed = db.InboundMessages.Where(m => m.ProcessedAt < cutoff);
        var givenUp = db.InboundMessages.Where(m => m.ProcessedAt == null && m.Attempts >= InboundMessage.MaxAttempts && m.ReceivedAt < cutoff);
        return await PagedDelete.RunAsync(processed, db.InboundMessages, m => m.Id, pageSize, ct)
               + await PagedDelete.RunAsync(givenUp, db.InboundMessages, m => m.Id, pageSize, ct);
    }
}
