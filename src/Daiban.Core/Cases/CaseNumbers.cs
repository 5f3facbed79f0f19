using Daiban.Core.Calendar;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Cases;

/// <summary>The last case number given out on one day (China time).</summary>
public sealed class CaseNumberDay
{
    private CaseNumberDay() { }

    public DateOnly Day { get; private set; }
    public int LastNumber { get; private set; }
}

/// <summary>
/// Numbers a new case DB{yyyyMMdd}-{n:D6}, n counting the cases of its China-time day from 1 (seven digits after
/// 999,999). A counter row per day is incremented in the transaction that inserts the case, so numbers never
/// collide, whatever the number of app instances: the increment locks the day's row (MariaDB) or the database
/// (SQLite) until that transaction ends. A retry on a random collision would have kept numbers unreadable and
/// needed the whole save replayed (its notices and audit rows are built once, while saving). The price is that
/// one day's registrations commit one at a time, which a help desk's few hundred a day do not notice. Numbers
/// given before the counter existed (random n) stay valid; a counter value one of them already holds is skipped.
/// </summary>
internal static class CaseNumbers
{
    public static string Format(DateOnly day, int number) => $"DB{day:yyyyMMdd}-{number:D6}";

    /// <summary>Numbers each case; the caller holds the transaction that will insert them.</summary>
    public static async Task AssignAsync(DaibanDbContext db, IEnumerable<Case> cases, CancellationToken ct)
    {
        foreach (var @case in cases)
        {
            var day = ChinaTime.DateOf(@case.SubmittedAt);
            string number;
            do
                number = Format(day, await IncrementAsync(db, day, ct));
            while (await db.Cases.AnyAsync(c => c.CaseNumber == number, ct));
            @case.Numbered(number);
        }
    }

    private static async Task<int> IncrementAsync(DaibanDbContext db, DateOnly day, CancellationToken ct)
    {
        // One statement that inserts the day's row or increments it: two first registrations of a day cannot both
        // insert, and on MariaDB the duplicate key takes an exclusive lock, so concurrent increments queue.
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO case_number_days (Day, LastNumber) VALUES ({day}, 1)
                ON CONFLICT (Day) DO UPDATE SET LastNumber = LastNumber + 1
                """, ct);
        else
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO case_number_days (Day, LastNumber) VALUES ({day}, 1)
                ON DUPLICATE KEY UPDATE LastNumber = LastNumber + 1
                """, ct);
        return await db.Set<CaseNumberDay>().AsNoTracking().Where(d => d.Day == day).Select(d => d.LastNumber)
            .SingleAsync(ct);
    }
}
