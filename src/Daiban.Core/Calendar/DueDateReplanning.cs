using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Calendar;

/// <summary>
/// After a change to the holiday table — typically the State Council's notice for next year, entered in November
/// while items accepted this autumn are already counting into next year — every running item whose count of working
/// days reaches the changed day is planned again, so no agent is reminded of a due date that falls in a holiday and
/// no promise is shorter or longer than the working days it states.
/// </summary>
public static class DueDateReplanning
{
    /// <summary>Replans the affected open cases (their changes are saved by the caller); returns how many moved.</summary>
    public static async Task<int> ReplanAsync(DaibanDbContext db, DateOnly changedDay, Actor by, DateTimeOffset now, CancellationToken ct) =>
        await ReplanAsync(db, await db.LoadBusinessCalendarAsync(ct), changedDay, by, now, ct);

    /// <summary>Replans on <paramref name="calendar"/>: the table as the caller's pending change leaves it.</summary>
    public static async Task<int> ReplanAsync(DaibanDbContext db, BusinessCalendar calendar, DateOnly changedDay, Actor by,
        DateTimeOffset now, CancellationToken ct)
    {
        var caseIds = await AffectedCaseIds(db, changedDay).ToListAsync(ct);
        var why = $"因节假日调整（{changedDay:yyyy-MM-dd}）";
        var moved = 0;
        foreach (var id in caseIds)
        {
            if ((await db.Cases.FindAggregateAsync(id, ct))?.ReplanDueDates(calendar, why, by, now) == true)
                moved++;
        }
        return moved;
    }

    /// <summary>
    /// How many running cases a change of <paramref name="day"/> would replan (and whose enterprises it would tell):
    /// what the admin is told before saving.
    /// </summary>
    public static Task<int> AffectedCasesAsync(DaibanDbContext db, DateOnly day, CancellationToken ct) =>
        AffectedCaseIds(db, day).CountAsync(ct);

    // An item accepted after the day cannot be affected; one due before it neither (a pause may stretch it, but
    // then its due date already lies beyond the day).
    private static IQueryable<long> AffectedCaseIds(DaibanDbContext db, DateOnly day) =>
        db.CaseItems.AsNoTracking()
            .Where(i => i.AcceptedOn <= day && i.DueOn >= day
                        && (i.Status == CaseItemStatus.SubmittedToDepartment || i.Status == CaseItemStatus.AwaitingSupplement))
            .Select(i => i.CaseId).Distinct();
}
