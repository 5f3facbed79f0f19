using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Consultation;

/// <summary>
/// Holds the knowledge base built from the database (one per process) and rebuilds it when the FAQ, the
/// catalogue or the published typical cases change: at once after a change made through this process
/// (<see cref="Invalidate"/>), and within <see cref="CheckInterval"/> after a change made by another instance,
/// found by a cheap fingerprint query.
/// </summary>
public sealed class KnowledgeBaseProvider(TimeProvider clock)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;
    private volatile bool _invalid;

    private sealed record Snapshot(KnowledgeBase Knowledge, string Fingerprint, DateTimeOffset CheckedAt);

    public void Invalidate() => _invalid = true;

    public async Task<KnowledgeBase> GetAsync(DaibanDbContext db, CancellationToken ct)
    {
        var current = _current;
        if (current is not null && !_invalid && clock.GetUtcNow() - current.CheckedAt < CheckInterval)
            return current.Knowledge;

        await _gate.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && !_invalid && clock.GetUtcNow() - current.CheckedAt < CheckInterval)
                return current.Knowledge;
            // A change made here is known to have happened whatever the fingerprint says (it cannot see every edit).
            var invalidated = _invalid;
            _invalid = false;
            var fingerprint = await FingerprintAsync(db, ct);
            // A superseded knowledge base is not disposed: a request may still be searching it; the GC takes it.
            _current = current is not null && !invalidated && current.Fingerprint == fingerprint
                ? current with { CheckedAt = clock.GetUtcNow() }
                : new Snapshot(await BuildAsync(db, ct), fingerprint, clock.GetUtcNow());
            return _current.Knowledge;
        }
        finally
        {
            _gate.Release();
        }
    }

    public static async Task<KnowledgeBase> BuildAsync(DaibanDbContext db, CancellationToken ct) => new(
        await db.FaqEntries.AsNoTracking().ToListAsync(ct),
        await db.ApprovalItems.AsNoTracking().ToListAsync(ct),
        await db.Departments.AsNoTracking().ToListAsync(ct),
        await db.TypicalCases.AsNoTracking().Where(t => t.PublishedAt != null).ToListAsync(ct),
        await db.CalendarDays.AsNoTracking().ToListAsync(ct),
        KnowledgeBase.ShippedPolicy(),
        Lexicon.Shipped);

    private static async Task<string> FingerprintAsync(DaibanDbContext db, CancellationToken ct)
    {
        var faq = await db.FaqEntries.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Versions = g.Sum(f => f.Version) }).FirstOrDefaultAsync(ct);
        var cases = await db.TypicalCases.Where(t => t.PublishedAt != null).Select(t => t.UpdatedAt).ToListAsync(ct);
        var items = await db.ApprovalItems.CountAsync(ct);
        var days = await db.CalendarDays.CountAsync(ct);
        return $"{faq?.Count}:{faq?.Versions}:{cases.Count}:{(cases.Count == 0 ? 0 : cases.Max().UtcTicks)}:{items}:{days}";
    }
}
