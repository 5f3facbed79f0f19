using Daiban.Core.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Cases;

public static class CaseQueries
{
    /// <summary>The whole aggregate, for a change; split queries keep the seven child collections from multiplying rows.</summary>
    public static Task<Case?> FindAggregateAsync(this IQueryable<Case> cases, long id, CancellationToken ct = default) =>
        cases.WithAggregate().SingleOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>
    /// Several whole aggregates in one round of split queries (not one round per case), newest first: a list that
    /// shows each case whole.
    /// </summary>
    public static async Task<List<Case>> LoadAggregatesAsync(this IQueryable<Case> cases, IReadOnlyCollection<long> ids,
        CancellationToken ct = default) =>
        ids.Count == 0 ? [] : await cases.WithAggregate().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.Id)
            .ToListAsync(ct);

    private static IQueryable<Case> WithAggregate(this IQueryable<Case> cases) =>
        cases.Include(c => c.Items).ThenInclude(i => i.Pauses)
            .Include(c => c.Transitions)
            .Include(c => c.Assignments)
            .Include(c => c.Plans)
            .Include(c => c.Log)
            .Include(c => c.Materials)
            .Include(c => c.Parcels)
            .Include(c => c.Delivery)
            .Include(c => c.Evaluation)
            .AsSplitQuery();

    /// <summary>The case a contact already created with this idempotency key, if any.</summary>
    public static async Task<Case?> FindByIdempotencyKeyAsync(this IQueryable<Case> cases, long contactId, string key, CancellationToken ct) =>
        await cases.Where(c => c.ApplicantContactId == contactId && c.IdempotencyKey == key).Select(c => c.Id).SingleOrDefaultAsync(ct) is var id and > 0
            ? await cases.LoadAggregate(id, ct)
            : null;

    public static async Task<Case> LoadAggregate(this IQueryable<Case> cases, long id, CancellationToken ct = default) =>
        await cases.FindAggregateAsync(id, ct) ?? throw new InvalidOperationException($"Case {id} does not exist.");

    /// <summary>
    /// Open items whose clock runs and whose due date falls within <paramref name="workingDays"/> working days of
    /// <paramref name="today"/> (overdue ones included), soonest first. One range scan on the RunningDueOn index.
    /// </summary>
    public static IQueryable<CaseItem> DueWithin(this IQueryable<CaseItem> items, BusinessCalendar calendar, DateOnly today, int workingDays)
    {
        var limit = calendar.AddWorkingDays(today, workingDays);
        return items.Where(i => i.RunningDueOn <= limit).OrderBy(i => i.RunningDueOn).ThenBy(i => i.Id);
    }
}
