using System.Diagnostics;
using System.Text.Json;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Core.Supervision;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Benchmarks;

/// <summary>
/// Seeds N cases (with items, deliveries and evaluations, <see cref="SupervisionSeed"/>) into MariaDB and times the
/// supervision dashboard against the implementation it replaced (kept below verbatim as the baseline), checking
/// both give the same figures.
/// </summary>
internal static class DashboardBenchmark
{
    private static readonly DateOnly Today = new(2026, 11, 18);
    private static readonly CaseStatus[] Closed = [CaseStatus.Archived, CaseStatus.Withdrawn, CaseStatus.Rejected];

    public static async Task RunAsync(int caseCount, int rounds)
    {
        var database = new TestDatabase(DatabaseProvider.MySql);
        await database.InitializeAsync();
        try
        {
            await database.MigrateAsync();
            Console.WriteLine($"seeding {caseCount:N0} cases …");
            var seedWatch = Stopwatch.StartNew();
            var cases = await SupervisionSeed.SeedAsync(database.NewContext, caseCount, seed: 1, Today, batchSize: 500);
            Console.WriteLine($"seeded in {seedWatch.Elapsed.TotalSeconds:F1} s: {cases.Sum(c => c.Items.Count):N0} items, " +
                              $"{cases.Count(c => c.Evaluation is not null):N0} evaluations");

            await using var db = database.NewContext();
            var now = await SupervisionStatistics.DashboardAsync(db, Today, CancellationToken.None);
            var before = await LegacyDashboardAsync(db, Today, CancellationToken.None);
            var same = JsonSerializer.Serialize(now) == JsonSerializer.Serialize(before);
            Console.WriteLine($"same figures as the baseline: {same}");

            var legacy = Options.Measure(rounds, () => LegacyDashboardAsync(db, Today, CancellationToken.None));
            var current = Options.Measure(rounds, () => SupervisionStatistics.DashboardAsync(db, Today, CancellationToken.None));
            Console.WriteLine();
            Console.WriteLine($"| dashboard ({caseCount:N0} cases, {rounds} rounds) | median ms | p95 ms |");
            Console.WriteLine("| --- | --- | --- |");
            Console.WriteLine($"| before: all rows in memory, rescanned per agent/department | {legacy.Median:F1} | {legacy.P95:F1} |");
            Console.WriteLine($"| after: GROUP BY + one narrow pass | {current.Median:F1} | {current.P95:F1} |");
            Console.WriteLine($"after vs before: {legacy.Median / current.Median:F1}x faster (median)");
            if (!same)
                Environment.ExitCode = 1;
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static bool IsOnTime(DateTimeOffset decidedAt, DateOnly dueOn) => ChinaTime.DateOf(decidedAt) <= dueOn;

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 3);

    // The implementation before this change, unchanged (the baseline).
    public static async Task<SupervisionDashboard> LegacyDashboardAsync(DaibanDbContext db, DateOnly today, CancellationToken ct)
    {
        var evaluations = await db.Set<Evaluation>().AsNoTracking().Select(e => new { e.CaseId, e.Overall, e.AgentId, e.EvaluatedAt, e.Comment }).ToListAsync(ct);
        var satisfaction = Enum.GetValues<SatisfactionLevel>().OrderByDescending(l => l)
            .Select(l => new LevelCount(l, l.Name(), evaluations.Count(e => e.Overall == l))).ToList();
        var trend = Enumerable.Range(0, 6).Select(i => today.AddMonths(-5 + i)).Select(m =>
        {
            var inMonth = evaluations.Where(e => ChinaTime.DateOf(e.EvaluatedAt) is var d && d.Year == m.Year && d.Month == m.Month).ToList();
            return new MonthTrend($"{m.Year}-{m.Month:D2}", inMonth.Count, inMonth.Count == 0 ? 0 : Math.Round(inMonth.Average(e => (int)e.Overall), 2),
                inMonth.Count == 0 ? 0 : Math.Round((double)inMonth.Count(e => e.Overall >= SatisfactionLevel.Satisfied) / inMonth.Count, 3));
        }).ToList();

        var decided = await db.CaseItems.AsNoTracking()
            .Where(i => (i.Status == CaseItemStatus.Approved || i.Status == CaseItemStatus.Refused) && i.DueOn != null && i.DecidedAt != null)
            .Join(db.Cases, i => i.CaseId, c => c.Id, (i, c) => new { i.DepartmentCode, i.DueOn, i.DecidedAt, c.AgentId })
            .ToListAsync(ct);
        var onTime = decided.Select(d => new { d.DepartmentCode, d.AgentId, OnTime = IsOnTime(d.DecidedAt!.Value, d.DueOn!.Value) }).ToList();
        var open = await db.Cases.AsNoTracking().Where(c => c.AgentId != null && !Closed.Contains(c.Status))
            .GroupBy(c => c.AgentId).Select(g => new { AgentId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var agents = (await db.Staff.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Id).ToListAsync(ct)).Where(s => s.Has(StaffRoles.Agent))
            .Select(a =>
            {
                var items = onTime.Where(o => o.AgentId == a.Id).ToList();
                var reviews = evaluations.Where(e => e.AgentId == a.Id).ToList();
                return new AgentStanding(a.Id, a.DisplayName, open.FirstOrDefault(o => o.AgentId == a.Id)?.Count ?? 0, items.Count, items.Count(i => i.OnTime),
                    Rate(items.Count(i => i.OnTime), items.Count), reviews.Count, reviews.Count == 0 ? null : Math.Round(reviews.Average(r => (int)r.Overall), 2),
                    reviews.Count(r => r.Overall.IsBad()));
            }).ToList();

        var overdueNow = await db.CaseItems.AsNoTracking().Where(i => i.RunningDueOn < today)
            .GroupBy(i => i.DepartmentCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct);
        var departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct))
            .Select(d =>
            {
                var items = onTime.Where(o => o.DepartmentCode == d.Code).ToList();
                return new DepartmentTimeliness(d.Code, d.Name, items.Count, items.Count(i => i.OnTime), Rate(items.Count(i => i.OnTime), items.Count),
                    overdueNow.FirstOrDefault(o => o.Code == d.Code)?.Count ?? 0);
            })
            .Where(d => d.ItemsDecided > 0 || d.OverdueNow > 0).ToList();

        var bad = evaluations.Where(e => e.Overall.IsBad()).ToList();
        var badIds = bad.Select(b => b.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => badIds.Contains(c.Id)).Select(c => new { c.Id, c.CaseNumber, c.AgentName }).ToDictionaryAsync(c => c.Id, ct);
        var rectifications = await db.Rectifications.AsNoTracking().Where(r => badIds.Contains(r.CaseId)).ToListAsync(ct);
        var badReviews = bad.OrderByDescending(b => b.EvaluatedAt).Select(b =>
        {
            var r = rectifications.FirstOrDefault(x => x.CaseId == b.CaseId);
            return new BadReviewRow(b.CaseId, cases[b.CaseId].CaseNumber, b.Overall.Name(), b.Comment, cases[b.CaseId].AgentName,
                r is null ? "待立整改" : Rectification.Table.Describe(r.Status), r?.Deadline, r?.IsOverdue(today) ?? false);
        }).ToList();

        var callbacks = await db.Callbacks.AsNoTracking().Where(c => c.Status == CallbackStatus.Due).OrderBy(c => c.DueOn)
            .Join(db.Cases, cb => cb.CaseId, c => c.Id, (cb, c) => new { cb.Id, cb.CaseId, c.CaseNumber, cb.Kind, cb.DueOn }).Take(100).ToListAsync(ct);
        return new SupervisionDashboard(satisfaction, trend, agents, departments, badReviews,
            callbacks.Select(c => new CallbackRow(c.Id, c.CaseId, c.CaseNumber, c.Kind == CallbackKind.BadReview ? "差评回访" : "抽查回访", c.DueOn, c.DueOn < today)).ToList());
    }
}
