namespace Daiban.Core.Staff;

/// <summary>
/// The one staff access rule: what a signed-in member may reach, from the roles and department its session carries
/// (a change to either ends the session, so these never outlive the member's record). The window, supervision and
/// admins see every case; an agent sees and works only the cases assigned to it (admins may work any). A difficult
/// issue is worked by the responsible department's liaison, the case's agent and the window; whoever sees every case
/// reads every issue. To anyone else a case or issue does not exist.
/// </summary>
public sealed record StaffPowers(long StaffId, StaffRoles Roles, string? DepartmentCode)
{
    public static StaffPowers Of(StaffMember staff) => new(staff.Id, staff.Roles, staff.DepartmentCode);

    public bool Has(StaffRoles role) => (Roles & role) == role;

    public bool SeesAllCases => Has(StaffRoles.WindowClerk) || Has(StaffRoles.Supervisor) || Has(StaffRoles.Admin);

    public bool MaySeeCase(long? agentId) => SeesAllCases || agentId == StaffId;

    /// <summary>Acts as the case's agent: the assigned agent, or an admin.</summary>
    public bool WorksCase(long? agentId) => agentId == StaffId || Has(StaffRoles.Admin);

    /// <summary>The assigned agent, an admin, or the window: who may complete a case's (or a conversation's) paperwork.</summary>
    public bool WorksCaseOrWindow(long? agentId) => WorksCase(agentId) || Has(StaffRoles.WindowClerk);

    /// <summary>
    /// Reads a case's contact phone whole: those who call the enterprise in their work on the case (its agent, an
    /// admin, the window that registers it and answers its enquiries). Everyone else reads it masked.
    /// </summary>
    public bool SeesContactPhone(long? agentId) => WorksCaseOrWindow(agentId);

    /// <summary>Who puts issues in the ledger at all: agents (on their own cases), the window and admins.</summary>
    public bool RaisesIssues => Has(StaffRoles.Agent) || Has(StaffRoles.WindowClerk) || Has(StaffRoles.Admin);

    /// <summary>The liaison of <paramref name="department"/>.</summary>
    public bool IsLiaisonOf(string department) => Has(StaffRoles.DepartmentLiaison) && DepartmentCode == department;

    /// <summary>The department whose issues this member works as its liaison, if any.</summary>
    public string? LiaisonDepartment => Has(StaffRoles.DepartmentLiaison) ? DepartmentCode : null;
}
