using Daiban.Core.Persistence;
using Daiban.Core.Staff;

namespace Daiban.Core.DifficultIssues;

/// <summary>
/// Who reaches a difficult issue (八 组织协调). It is worked by those responsible for it: the responsible department's
/// liaison, the case's agent and the window (admins hold every staff power). Supervision reads every issue; an agent
/// reads its own cases' issues and a liaison its department's; to anyone else an issue does not exist.
/// </summary>
public static class IssueAccess
{
    public static bool MayWork(StaffMember me, DifficultIssue issue, long? caseAgentId) =>
        me.Has(StaffRoles.Admin) || me.Has(StaffRoles.WindowClerk) || caseAgentId == me.Id || IsLiaisonOf(me, issue.ResponsibleDepartment);

    public static bool MaySee(StaffMember me, DifficultIssue issue, long? caseAgentId) =>
        SeesAll(me) || MayWork(me, issue, caseAgentId);

    /// <summary>The issues <paramref name="me"/> may see, as a query (the ledger list).</summary>
    public static IQueryable<DifficultIssue> VisibleTo(this IQueryable<DifficultIssue> issues, DaibanDbContext db, StaffMember me)
    {
        if (SeesAll(me))
            return issues;
        var department = me.Has(StaffRoles.DepartmentLiaison) ? me.DepartmentCode : null;
        return issues.Where(i => (department != null && i.ResponsibleDepartment == department)
            || db.Cases.Any(c => c.Id == i.CaseId && c.AgentId == me.Id));
    }

    private static bool SeesAll(StaffMember me) =>
        me.Has(StaffRoles.Admin) || me.Has(StaffRoles.WindowClerk) || me.Has(StaffRoles.Supervisor);

    private static bool IsLiaisonOf(StaffMember me, string department) =>
        me.Has(StaffRoles.DepartmentLiaison) && me.DepartmentCode == department;
}
