using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Supervision;

public sealed record LevelCount(SatisfactionLevel Level, string Name, int Count);

public sealed record MonthTrend(string Month, int Evaluations, double AverageScore, double SatisfiedShare);

/// <summary>One agent for 队伍建设 assessment: load now, items on time, satisfaction, bad reviews.</summary>
public sealed record AgentStanding(long AgentId, string Name, int OpenCases, int ItemsDecided, int ItemsOnTime, double? OnTimeRate, int Evaluations,
    double? AverageScore, int BadReviews);

public sealed record DepartmentTimeliness(string Code, string Name, int ItemsDecided, int ItemsOnTime, double? OnTimeRate, int OverdueNow);

public sealed record BadReviewRow(long CaseId, string CaseNumber, string Level, string? Comment, string? AgentName, string Rectification, DateOnly? Deadline, bool Overdue);

public sealed record CallbackRow(long Id, long CaseId, string CaseNumber, string Kind, DateOnly DueOn, bool Overdue);

public sealed record SupervisionDashboard(IReadOnlyList<LevelCount> Satisfaction, IReadOnlyList<MonthTrend> Trend, IReadOnlyList<AgentStanding> Agents,
    IReadOnlyList<DepartmentTimeliness> Departments, IReadOnlyList<BadReviewRow> BadReviews, IReadOnlyList<CallbackRow> CallbacksDue);

/// <summary>One agent's month for the monthly statistics (and the month's totals, with no agent).</summary>
public sealed record MonthRow(string Agent, int CasesAssigned, int CasesDelivered, int ItemsDecided, int ItemsOnTime, double? OnTimeRate, int Evaluations,
    double? AverageScore, int BadReviews);

public sealed record OverdueRow(long CaseId, string CaseNumber, string ItemCode, string ItemName, string DepartmentCode, string DepartmentName,
    string? AgentName, DateOnly DueOn, int WorkingDaysOverdue);

/// <summary>
/// What supervision (十, 七 队伍建设) looks at: satisfaction and its trend, each agent's load, timeliness and
/// satisfaction, each department's timeliness, bad reviews and their rectification, callbacks to make, and the
/// overdue board. An item is on time when it was decided on or before its due date on the business calendar.
/// </summary>
public static class SupervisionStatistics
{
    private static readonly CaseStatus[] Closed = [CaseStatus.Archived, CaseStatus.Withdrawn, CaseStatus.Rejected];

    private static readonly SatisfactionLevel[] BadLevels =
        [.. Enum.GetValues<SatisfactionLevel>().Where(l => l.IsBad())];

    /// <summary>
    /// The dashboard over all history. Evaluations are counted by the database (per agent and level); decided items
    /// are read once, four columns each, and tallied per agent and department in that one pass: whether an item was
    /// on time compares its decision's China-time day with its due date, which neither provider can compute from
    /// the stored instant. Only the last six months of evaluations (for the trend) and the bad ones are read.
    /// </summary>
    public static async Task<SupervisionDashboard> DashboardAsync(DaibanDbContext db, DateOnly today, CancellationToken ct)
    {
        var evaluations = db.Set<Evaluation>().AsNoTracking();
        var levels = await evaluations.GroupBy(e => new { e.AgentId, e.Overall })
            .Select(g => new { g.Key.AgentId, g.Key.Overall, Count = g.Count() }).ToListAsync(ct);
        var satisfaction = Enum.GetValues<SatisfactionLevel>().OrderByDescending(l => l)
            .Select(l => new LevelCount(l, l.Name(), levels.Where(e => e.Overall == l).Sum(e => e.Count))).ToList();
        var reviewsOf = levels.Where(l => l.AgentId is not null).GroupBy(l => l.AgentId!.Value)
            .ToDictionary(g => g.Key, g => new Tally(g.Sum(l => l.Count), g.Sum(l => (int)l.Overall * l.Count),
                g.Where(l => l.Overall.IsBad()).Sum(l => l.Count)));

        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-5);
        var from = new DateTimeOffset(firstMonth.Year, firstMonth.Month, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var recent = (await evaluations.Where(e => e.EvaluatedAt >= from && e.EvaluatedAt < from.AddMonths(6))
                .Select(e => new { e.EvaluatedAt, e.Overall }).ToListAsync(ct))
            .ToLookup(e => (ChinaTime.DateOf(e.EvaluatedAt).Year, ChinaTime.DateOf(e.EvaluatedAt).Month));
        var trend = Enumerable.Range(0, 6).Select(i => firstMonth.AddMonths(i)).Select(m =>
        {
            var inMonth = recent[(m.Year, m.Month)].ToList();
            return new MonthTrend($"{m.Year}-{m.Month:D2}", inMonth.Count,
                inMonth.Count == 0 ? 0 : Math.Round(inMonth.Average(e => (int)e.Overall), 2),
                inMonth.Count == 0 ? 0 : Math.Round(
                    (double)inMonth.Count(e => e.Overall >= SatisfactionLevel.Satisfied) / inMonth.Count, 3));
        }).ToList();

        var byAgent = new Dictionary<long, OnTimeTally>();
        var byDepartment = new Dictionary<string, OnTimeTally>(StringComparer.Ordinal);
        var decided = db.CaseItems.AsNoTracking()
            .Where(i => (i.Status == CaseItemStatus.Approved || i.Status == CaseItemStatus.Refused) && i.DueOn != null
                        && i.DecidedAt != null)
            .Join(db.Cases, i => i.CaseId, c => c.Id, (i, c) => new { i.DepartmentCode, i.DueOn, i.DecidedAt, c.AgentId })
            .AsAsyncEnumerable();
        await foreach (var d in decided.WithCancellation(ct))
        {
            var onTime = IsOnTime(d.DecidedAt!.Value, d.DueOn!.Value);
            if (d.AgentId is { } agentId)
                Count(byAgent, agentId, onTime);
            Count(byDepartment, d.DepartmentCode, onTime);
        }

        var open = await db.Cases.AsNoTracking().Where(c => c.AgentId != null && !Closed.Contains(c.Status))
            .GroupBy(c => c.AgentId).Select(g => new { AgentId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.AgentId, g => g.Count, ct);
        var agents = (await db.Staff.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Id).ToListAsync(ct))
            .Where(s => s.Has(StaffRoles.Agent))
            .Select(a =>
            {
                var items = byAgent.GetValueOrDefault(a.Id);
                var reviews = reviewsOf.GetValueOrDefault(a.Id);
                return new AgentStanding(a.Id, a.DisplayName, open.GetValueOrDefault(a.Id), items.Decided, items.OnTime,
                    Rate(items.OnTime, items.Decided), reviews.Count,
                    reviews.Count == 0 ? null : Math.Round((double)reviews.ScoreSum / reviews.Count, 2), reviews.Bad);
            }).ToList();

        var overdueNow = await db.CaseItems.AsNoTracking().Where(i => i.RunningDueOn < today)
            .GroupBy(i => i.DepartmentCode).Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count, ct);
        var departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct))
            .Select(d =>
            {
                var items = byDepartment.GetValueOrDefault(d.Code);
                return new DepartmentTimeliness(d.Code, d.Name, items.Decided, items.OnTime,
                    Rate(items.OnTime, items.Decided), overdueNow.GetValueOrDefault(d.Code));
            })
            .Where(d => d.ItemsDecided > 0 || d.OverdueNow > 0).ToList();

        var bad = await evaluations.Where(e => BadLevels.Contains(e.Overall))
            .Join(db.Cases, e => e.CaseId, c => c.Id,
                (e, c) => new { e.Id, e.CaseId, e.Overall, e.Comment, e.EvaluatedAt, c.CaseNumber, c.AgentName })
            .ToListAsync(ct);
        var badIds = bad.Select(b => b.CaseId).ToList();
        var rectifications = (await db.Rectifications.AsNoTracking().Where(r => badIds.Contains(r.CaseId))
                .ToListAsync(ct)).ToLookup(r => r.CaseId);
        var badReviews = bad.OrderByDescending(b => b.EvaluatedAt).ThenBy(b => b.Id).Select(b =>
        {
            var r = rectifications[b.CaseId].FirstOrDefault();
            return new BadReviewRow(b.CaseId, b.CaseNumber, b.Overall.Name(), b.Comment, b.AgentName,
                r is null ? "待立整改" : Rectification.Table.Describe(r.Status), r?.Deadline, r?.IsOverdue(today) ?? false);
        }).ToList();

        var callbacks = await db.Callbacks.AsNoTracking().Where(c => c.Status == CallbackStatus.Due).OrderBy(c => c.DueOn)
            .Join(db.Cases, cb => cb.CaseId, c => c.Id, (cb, c) => new { cb.Id, cb.CaseId, c.CaseNumber, cb.Kind, cb.DueOn }).Take(100).ToListAsync(ct);
        return new SupervisionDashboard(satisfaction, trend, agents, departments, badReviews,
            callbacks.Select(c => new CallbackRow(c.Id, c.CaseId, c.CaseNumber, c.Kind == CallbackKind.BadReview ? "差评回访" : "抽查回访", c.DueOn, c.DueOn < today)).ToList());
    }

    private readonly record struct Tally(int Count, int ScoreSum, int Bad);

    private readonly record struct OnTimeTally(int Decided, int OnTime);

    private static void Count<TKey>(Dictionary<TKey, OnTimeTally> tallies, TKey key, bool onTime) where TKey : notnull
    {
        var t = tallies.GetValueOrDefault(key);
        tallies[key] = new OnTimeTally(t.Decided + 1, t.OnTime + (onTime ? 1 : 0));
    }

    /// <summary>The month's work per agent, in China time: cases assigned and delivered, items decided and on time, evaluations.</summary>
    public static async Task<IReadOnlyList<MonthRow>> MonthAsync(DaibanDbContext db, int year, int month, CancellationToken ct)
    {
        // A month outside what the service can have run in (and 9999-12, whose next month overflows) is bad input.
        if (year is < 2000 or > 2100 || month is < 1 or > 12)
            throw DomainRuleException.Invalid("statistics.month_invalid", "统计月份应在2000年1月至2100年12月之间。");
        var from = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var to = from.AddMonths(1);
        // Counted by the database per agent; decided items in one narrow pass (on time needs the China-time day).
        var assigned = await db.Set<CaseAssignment>().AsNoTracking()
            .Where(a => a.AssignedAt >= from && a.AssignedAt < to)
            .GroupBy(a => a.AgentId).Select(g => new { AgentId = (long?)g.Key, Count = g.Count() }).ToListAsync(ct);
        var delivered = await db.Cases.AsNoTracking().Where(c => c.DeliveredAt >= from && c.DeliveredAt < to)
            .GroupBy(c => c.AgentId).Select(g => new { AgentId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var reviews = await db.Set<Evaluation>().AsNoTracking().Where(e => e.EvaluatedAt >= from && e.EvaluatedAt < to)
            .GroupBy(e => new { e.AgentId, e.Overall })
            .Select(g => new { g.Key.AgentId, g.Key.Overall, Count = g.Count() }).ToListAsync(ct);
        var byAgent = new Dictionary<long, OnTimeTally>();
        var total = new OnTimeTally(0, 0);
        var decided = db.CaseItems.AsNoTracking().Where(i => i.DecidedAt >= from && i.DecidedAt < to && i.DueOn != null)
            .Join(db.Cases, i => i.CaseId, c => c.Id, (i, c) => new { c.AgentId, i.DueOn, i.DecidedAt })
            .AsAsyncEnumerable();
        await foreach (var d in decided.WithCancellation(ct))
        {
            var onTime = IsOnTime(d.DecidedAt!.Value, d.DueOn!.Value);
            if (d.AgentId is { } agentId)
                Count(byAgent, agentId, onTime);
            total = new OnTimeTally(total.Decided + 1, total.OnTime + (onTime ? 1 : 0));
        }
        var agents = (await db.Staff.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).Where(s => s.Has(StaffRoles.Agent)).ToList();

        MonthRow Row(string name, OnTimeTally items, Func<long?, bool> mine)
        {
            var own = reviews.Where(r => mine(r.AgentId)).ToList();
            var count = own.Sum(r => r.Count);
            return new MonthRow(name, assigned.Where(a => mine(a.AgentId)).Sum(a => a.Count),
                delivered.Where(d => mine(d.AgentId)).Sum(d => d.Count), items.Decided, items.OnTime,
                Rate(items.OnTime, items.Decided), count,
                count == 0 ? null : Math.Round((double)own.Sum(r => (int)r.Overall * r.Count) / count, 2),
                own.Where(r => r.Overall.IsBad()).Sum(r => r.Count));
        }

        return [.. agents.Select(a => Row(a.DisplayName, byAgent.GetValueOrDefault(a.Id), id => id == a.Id)),
            Row("合计", total, _ => true)];
    }

    /// <summary>Running items past their due date, the longest overdue first.</summary>
    public static async Task<Page<OverdueRow>> OverdueAsync(DaibanDbContext db, BusinessCalendar calendar,
        DateOnly today, PageSpec spec, CancellationToken ct)
    {
        var page = await spec.ReadAsync(db.CaseItems.AsNoTracking().Where(i => i.RunningDueOn < today),
            items => items.OrderBy(i => i.RunningDueOn).ThenBy(i => i.Id)
                .Join(db.Cases, i => i.CaseId, c => c.Id, (i, c) => new
                {
                    i.CaseId, c.CaseNumber, i.ItemCode, i.ItemName, i.DepartmentCode, c.AgentName,
                    Due = i.RunningDueOn!.Value,
                }), ct);
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return page.Select(r => new OverdueRow(r.CaseId, r.CaseNumber, r.ItemCode, r.ItemName, r.DepartmentCode,
            names.GetValueOrDefault(r.DepartmentCode) ?? r.DepartmentCode, r.AgentName, r.Due,
            calendar.WorkingDaysBetween(r.Due, today)));
    }

    /// <summary>Decided on or before its due date, the day counted in China.</summary>
    private static bool IsOnTime(DateTimeOffset decidedAt, DateOnly dueOn) => ChinaTime.DateOf(decidedAt) <= dueOn;

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 3);
}
