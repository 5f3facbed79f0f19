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

    public static async Task<SupervisionDashboard> DashboardAsync(DaibanDbContext db, DateOnly today, CancellationToken ct)
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

    /// <summary>The month's work per agent, in China time: cases assigned and delivered, items decided and on time, evaluations.</summary>
    public static async Task<IReadOnlyList<MonthRow>> MonthAsync(DaibanDbContext db, int year, int month, CancellationToken ct)
    {
        // A month outside what the service can have run in (and 9999-12, whose next month overflows) is bad input.
        if (year is < 2000 or > 2100 || month is < 1 or > 12)
            throw DomainRuleException.Invalid("statistics.month_invalid", "统计月份应在2000年1月至2100年12月之间。");
        var from = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var to = from.AddMonths(1);
        var assigned = await db.Set<CaseAssignment>().AsNoTracking().Where(a => a.AssignedAt >= from && a.AssignedAt < to).Select(a => a.AgentId).ToListAsync(ct);
        var delivered = await db.Cases.AsNoTracking().Where(c => c.DeliveredAt >= from && c.DeliveredAt < to).Select(c => c.AgentId).ToListAsync(ct);
        var decided = (await db.CaseItems.AsNoTracking().Where(i => i.DecidedAt >= from && i.DecidedAt < to && i.DueOn != null)
                .Join(db.Cases, i => i.CaseId, c => c.Id, (i, c) => new { c.AgentId, i.DueOn, i.DecidedAt }).ToListAsync(ct))
            .Select(d => new { d.AgentId, OnTime = IsOnTime(d.DecidedAt!.Value, d.DueOn!.Value) }).ToList();
        var evaluations = await db.Set<Evaluation>().AsNoTracking().Where(e => e.EvaluatedAt >= from && e.EvaluatedAt < to).Select(e => new { e.AgentId, e.Overall }).ToListAsync(ct);
        var agents = (await db.Staff.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).Where(s => s.Has(StaffRoles.Agent)).ToList();

        MonthRow Row(string name, Func<long?, bool> mine)
        {
            var items = decided.Where(d => mine(d.AgentId)).ToList();
            var reviews = evaluations.Where(e => mine(e.AgentId)).ToList();
            return new MonthRow(name, assigned.Count(a => mine(a)), delivered.Count(mine), items.Count, items.Count(i => i.OnTime), Rate(items.Count(i => i.OnTime), items.Count),
                reviews.Count, reviews.Count == 0 ? null : Math.Round(reviews.Average(r => (int)r.Overall), 2), reviews.Count(r => r.Overall.IsBad()));
        }

        return [.. agents.Select(a => Row(a.DisplayName, id => id == a.Id)), Row("合计", _ => true)];
    }

    /// <summary>Every running item past its due date, the longest overdue first.</summary>
    public static async Task<IReadOnlyList<OverdueRow>> OverdueAsync(DaibanDbContext db, BusinessCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var rows = await db.CaseItems.AsNoTracking().Where(i => i.RunningDueOn < today)
            .Join(db.Cases, i => i.CaseId, c => c.Id, (i, c) => new { i.CaseId, c.CaseNumber, i.ItemCode, i.ItemName, i.DepartmentCode, c.AgentName, Due = i.RunningDueOn!.Value })
            .OrderBy(r => r.Due).Take(1000).ToListAsync(ct);
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return rows.Select(r => new OverdueRow(r.CaseId, r.CaseNumber, r.ItemCode, r.ItemName, r.DepartmentCode, names.GetValueOrDefault(r.DepartmentCode) ?? r.DepartmentCode,
            r.AgentName, r.Due, calendar.WorkingDaysBetween(r.Due, today))).ToList();
    }

    /// <summary>Decided on or before its due date, the day counted in China.</summary>
    private static bool IsOnTime(DateTimeOffset decidedAt, DateOnly dueOn) => ChinaTime.DateOf(decidedAt) <= dueOn;

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 3);
}
