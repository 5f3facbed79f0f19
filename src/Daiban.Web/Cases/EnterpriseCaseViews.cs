using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Persistence;
using Daiban.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Cases;

/// <summary>
/// Builds the enterprise's view of its cases with what the case row alone does not hold: the project's name, and the
/// catalogue's required materials and the calendar behind the "now" card (<see cref="EnterpriseNextStep"/>). One read
/// of each for a whole list.
/// </summary>
public sealed class EnterpriseCaseViews(DaibanDbContext db, IOptions<ServiceRules> rules, TimeProvider clock)
{
    public async Task<EnterpriseCaseView> OfAsync(Case c, CancellationToken ct) => (await OfAsync([c], ct))[0];

    public async Task<List<EnterpriseCaseView>> OfAsync(IReadOnlyList<Case> cases, CancellationToken ct)
    {
        if (cases.Count == 0)
            return [];
        var projectIds = cases.Select(c => c.ProjectId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var codes = cases.SelectMany(c => c.Items).Select(i => i.ItemCode).Distinct().ToList();
        var catalog = await db.ApprovalItems.AsNoTracking().Where(i => codes.Contains(i.Code))
            .ToDictionaryAsync(i => i.Code, ct);
        var calendar = await db.LoadBusinessCalendarAsync(ct);
        var today = ChinaTime.Today(clock);
        return cases.Select(c => EnterpriseCaseView.From(c, projects.GetValueOrDefault(c.ProjectId, ""),
            EnterpriseNextStep.For(c, MaterialChecklist.For(c, catalog), calendar,
                rules.Value.EvaluationWindowWorkingDays, today))).ToList();
    }
}
