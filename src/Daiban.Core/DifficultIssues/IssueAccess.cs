using Daiban.Core.Persistence;
using Daiban.Core.Staff;

namespace Daiban.Core.DifficultIssues;

/// <summary>
/// Who reaches a difficult issue (八 组织协调), in the terms of <see cref="StaffPowers"/>: it is worked by those
/// responsible for it — the responsible department's liaison, the case's agent and the window (admins hold every
/// staff power). Whoever sees every case reads every issue; an agent reads its own cases' issues and a liaison its
/// department's; to anyone else an issue does not exist.
/// </summary>
public static class IssueAccess
{
    public static bool MayWork(StaffPowers me, DifficultIssue issue, long? caseAgentId) =>
        me.Has(StaffRoles.Admin) || me.Has(StaffRoles.WindowClerk) || caseAgentId == me.StaffId
        || me.IsLiaisonOf(issue.ResponsibleDepartment);

    public static bool MaySee(StaffPowers me, DifficultIssue issue, long? caseAgentId) =>
        me.SeesAllCases || MayWork(me, issue, caseAgentId);

    /// <summary>The issues <paramref name="me"/> may see, as a query (the ledger list): the same rule as <see cref="MaySee"/>.</summary>
    public static IQueryable<DifficultIssue> VisibleTo(this IQueryable<DifficultIssue> issues, DaibanDbContext db, StaffPowers me)
    {
        if (me.SeesAllCases)
            return issues;
        var department = me.LiaisonDepartment;
        var staffId = me.StaffId;
        return issues.Where(i => (department != null && i.ResponsibleDepartment == department)
            || db.Cases.Any(c => c.Id == i.CaseId && c.AgentId == staffId));
    }
}
