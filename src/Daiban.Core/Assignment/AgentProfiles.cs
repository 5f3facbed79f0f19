using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Assignment;

public static class AgentProfiles
{
    private static readonly CaseStatus[] Closed = [CaseStatus.Archived, CaseStatus.Withdrawn, CaseStatus.Rejected];

    /// <summary>
    /// Every agent with availability on <paramref name="today"/>, weighted open load and last assignment time. The
    /// case being routed (<paramref name="routedCaseId"/>, when it is assigned already) counts for nobody: its own
    /// agent would otherwise look busier by the very case in question, and another agent would be suggested.
    /// </summary>
    public static async Task<IReadOnlyList<AgentProfile>> LoadAsync(DaibanDbContext db, DateOnly today,
        long? routedCaseId, CancellationToken ct)
    {
        var agents = (await db.Staff.AsNoTracking().Where(s => s.Active).ToListAsync(ct)).Where(s => s.Has(StaffRoles.Agent)).ToList();
        var load = await db.Cases.AsNoTracking()
            .Where(c => c.AgentId != null && !Closed.Contains(c.Status) && c.Id != routedCaseId)
            .GroupBy(c => new { c.AgentId, c.Mode })
            .Select(g => new { g.Key.AgentId, g.Key.Mode, Count = g.Count() })
            .ToListAsync(ct);
        var lastAssigned = await db.Set<CaseAssignment>().AsNoTracking()
            .Where(a => a.CaseId != routedCaseId)
            .GroupBy(a => a.AgentId)
            .Select(g => new { AgentId = g.Key, Last = g.Max(a => a.AssignedAt) })
            .ToListAsync(ct);
        return agents.Select(a => new AgentProfile(
            a.Id,
            a.DisplayName,
            a.SkillStages.ToHashSet(),
            a.SkillDepartments.ToHashSet(StringComparer.Ordinal),
            a.IsAvailableOn(today),
            load.Where(l => l.AgentId == a.Id).Sum(l => l.Mode.LoadWeight() * l.Count),
            lastAssigned.FirstOrDefault(l => l.AgentId == a.Id)?.Last)).ToList();
    }

    /// <summary>The agent who most recently served this project, or else this enterprise (首接负责制).</summary>
    public static async Task<long?> FirstContactAgentAsync(DaibanDbContext db, long enterpriseId, long projectId, long excludingCaseId, CancellationToken ct)
    {
        var previous = await db.Cases.AsNoTracking()
            .Where(c => c.EnterpriseId == enterpriseId && c.Id != excludingCaseId && c.AgentId != null)
            .Select(c => new { c.ProjectId, c.AgentId, c.Id })
            .ToListAsync(ct);
        return previous.Where(p => p.ProjectId == projectId).OrderByDescending(p => p.Id).Select(p => p.AgentId).FirstOrDefault()
               ?? previous.OrderByDescending(p => p.Id).Select(p => p.AgentId).FirstOrDefault();
    }
}
