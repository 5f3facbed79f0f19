using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Core.Supervision;
using Daiban.Core.Tests.Persistence;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Tests.Supervision;

/// <summary>The dashboard's figures, counted by the database, equal the figures counted here from the cases.</summary>
public abstract class DashboardTests(DatabaseProvider provider) : MigratedDatabaseTest(provider)
{
    private static readonly DateOnly Today = new(2026, 11, 18);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly CaseStatus[] Closed = [CaseStatus.Archived, CaseStatus.Withdrawn, CaseStatus.Rejected];

    [Fact]
    public async Task Dashboard_OverAVariedHistory_MatchesFiguresCountedFromTheCases()
    {
        var cases = await SupervisionSeed.SeedAsync(Database.NewContext, 160, seed: 7, Today, batchSize: 40);
        await using var db = Database.NewContext();
        var staff = await db.Staff.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync();

        var dashboard = await SupervisionStatistics.DashboardAsync(db, Today, CancellationToken.None);

        var items = cases.SelectMany(c => c.Items.Select(i => (Case: c, Item: i))).ToList();
        var decided = items.Where(x => x.Item.Status is CaseItemStatus.Approved or CaseItemStatus.Refused
                                       && x.Item.DueOn is not null && x.Item.DecidedAt is not null)
            .Select(x => (x.Case.AgentId, x.Item.DepartmentCode,
                OnTime: DateOnly.FromDateTime(x.Item.DecidedAt!.Value.ToOffset(China).DateTime) <= x.Item.DueOn!.Value))
            .ToList();
        var evaluations = cases.Where(c => c.Evaluation is not null).Select(c => (Case: c, E: c.Evaluation!)).ToList();
        // The seed must reach every branch the figures have, or equal figures would prove little.
        Assert.Contains(decided, d => d.OnTime);
        Assert.Contains(decided, d => !d.OnTime);
        Assert.Contains(evaluations, e => e.E.Overall.IsBad());
        Assert.Contains(cases, c => c.Status == CaseStatus.Withdrawn && c.AgentId is not null);
        Assert.Contains(items, x => x.Item.RunningDueOn < Today);
        Assert.Contains(evaluations, e => e.E.EvaluatedAt < new DateTimeOffset(2026, 6, 1, 0, 0, 0, China));

        var expectedLevels = Enum.GetValues<SatisfactionLevel>().OrderByDescending(l => l)
            .Select(l => new LevelCount(l, l.Name(), evaluations.Count(e => e.E.Overall == l)));
        Assert.Equal(expectedLevels, dashboard.Satisfaction);

        var expectedTrend = Enumerable.Range(6, 6).Select(m =>
        {
            var month = evaluations.Select(e => e.E)
                .Where(e => e.EvaluatedAt.ToOffset(China) is var t && t.Year == 2026 && t.Month == m).ToList();
            return new MonthTrend($"2026-{m:D2}", month.Count,
                month.Count == 0 ? 0 : Math.Round(month.Average(e => (int)e.Overall), 2),
                month.Count == 0 ? 0 : Math.Round((double)month.Count(e => (int)e.Overall >= 4) / month.Count, 3));
        });
        Assert.Equal(expectedTrend, dashboard.Trend);

        var expectedAgents = staff.Where(s => s.Active && s.Has(StaffRoles.Agent)).Select(a =>
        {
            var mine = decided.Where(d => d.AgentId == a.Id).ToList();
            var reviews = evaluations.Where(e => e.E.AgentId == a.Id).Select(e => (int)e.E.Overall).ToList();
            var open = cases.Count(c => c.AgentId == a.Id && !Closed.Contains(c.Status));
            var onTime = mine.Count(d => d.OnTime);
            return new AgentStanding(a.Id, a.DisplayName, open, mine.Count, onTime,
                mine.Count == 0 ? null : Math.Round((double)onTime / mine.Count, 3),
                reviews.Count, reviews.Count == 0 ? null : Math.Round(reviews.Average(), 2),
                reviews.Count(r => r <= 2));
        }).ToList();
        Assert.Equal(3, expectedAgents.Count);
        Assert.Equal(expectedAgents, dashboard.Agents);

        var expectedDepartments = departments.Select(d =>
        {
            var mine = decided.Where(x => x.DepartmentCode == d.Code).ToList();
            return new DepartmentTimeliness(d.Code, d.Name, mine.Count, mine.Count(x => x.OnTime),
                mine.Count == 0 ? null : Math.Round((double)mine.Count(x => x.OnTime) / mine.Count, 3),
                items.Count(x => x.Item.DepartmentCode == d.Code && x.Item.RunningDueOn < Today));
        }).Where(d => d.ItemsDecided > 0 || d.OverdueNow > 0).ToList();
        Assert.True(expectedDepartments.Count > 3);
        Assert.Equal(expectedDepartments, dashboard.Departments);

        var expectedBad = evaluations.Where(e => (int)e.E.Overall <= 2).OrderByDescending(e => e.E.EvaluatedAt)
            .Select(e => new BadReviewRow(e.Case.Id, e.Case.CaseNumber, e.E.Overall.Name(), e.E.Comment,
                e.Case.AgentName, "待立整改", null, false));
        Assert.Equal(expectedBad, dashboard.BadReviews);
    }

    [Fact]
    public async Task Month_OverAVariedHistory_MatchesFiguresCountedFromTheCases()
    {
        var cases = await SupervisionSeed.SeedAsync(Database.NewContext, 160, seed: 11, Today, batchSize: 40);
        await using var db = Database.NewContext();
        var agents = (await db.Staff.AsNoTracking().OrderBy(s => s.Id).ToListAsync())
            .Where(s => s.Has(StaffRoles.Agent)).ToList();

        var rows = await SupervisionStatistics.MonthAsync(db, 2026, 9, CancellationToken.None);

        static bool InSeptember(DateTimeOffset? at) => at?.ToOffset(China) is { Year: 2026, Month: 9 };
        var assigned = cases.SelectMany(c => c.Assignments).Where(a => InSeptember(a.AssignedAt)).ToList();
        var decided = cases.SelectMany(c => c.Items.Where(i => InSeptember(i.DecidedAt) && i.DueOn is not null)
            .Select(i => (c.AgentId,
                OnTime: DateOnly.FromDateTime(i.DecidedAt!.Value.ToOffset(China).DateTime) <= i.DueOn))).ToList();
        var evaluations = cases.Select(c => c.Evaluation).OfType<Evaluation>().Where(e => InSeptember(e.EvaluatedAt))
            .ToList();
        Assert.Contains(decided, d => !d.OnTime);
        Assert.Contains(evaluations, e => e.Overall.IsBad());

        MonthRow Expected(string name, Func<long?, bool> mine)
        {
            var items = decided.Where(d => mine(d.AgentId)).ToList();
            var onTime = items.Count(i => i.OnTime);
            var reviews = evaluations.Where(e => mine(e.AgentId)).Select(e => (int)e.Overall).ToList();
            return new MonthRow(name, assigned.Count(a => mine(a.AgentId)),
                cases.Count(c => InSeptember(c.DeliveredAt) && mine(c.AgentId)), items.Count, onTime,
                items.Count == 0 ? null : Math.Round((double)onTime / items.Count, 3), reviews.Count,
                reviews.Count == 0 ? null : Math.Round(reviews.Average(), 2), reviews.Count(r => r <= 2));
        }

        Assert.Equal(4, agents.Count);
        MonthRow[] expected =
            [.. agents.Select(a => Expected(a.DisplayName, id => id == a.Id)), Expected("合计", _ => true)];
        Assert.Equal(expected, rows);
        Assert.True(rows[^1].ItemsDecided > 0 && rows[^1].CasesDelivered > 0 && rows[^1].CasesAssigned > 0);
    }
}

[Collection(DatabaseCollection.Name)]
public sealed class MariaDbDashboardTests() : DashboardTests(DatabaseProvider.MySql);

[Collection(DatabaseCollection.Name)]
public sealed class SqliteDashboardTests() : DashboardTests(DatabaseProvider.Sqlite);
