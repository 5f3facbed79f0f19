using System.Security.Claims;
using Daiban.Core.Staff;

namespace Daiban.Web.Staff;

/// <summary>
/// Which cases a staff member reaches: the window, supervision and admins see every case; an agent sees and works
/// only the cases assigned to it (admins may work any). To anyone else a case does not exist (404).
/// </summary>
public static class StaffAccess
{
    public static bool SeesAllCases(this ClaimsPrincipal user) =>
        user.IsInRole(nameof(StaffRoles.WindowClerk)) || user.IsInRole(nameof(StaffRoles.Supervisor)) || user.IsInRole(nameof(StaffRoles.Admin));

    public static bool MaySeeCase(this ClaimsPrincipal user, long? agentId) => user.SeesAllCases() || agentId == user.StaffId();

    /// <summary>Acts as the case's agent: the assigned agent, or an admin.</summary>
    public static bool WorksCase(this ClaimsPrincipal user, long? agentId) => agentId == user.StaffId() || user.IsInRole(nameof(StaffRoles.Admin));

    /// <summary>The assigned agent, an admin, or the window: who may complete a case's (or a conversation's) paperwork.</summary>
    public static bool WorksCaseOrWindow(this ClaimsPrincipal user, long? agentId) => user.WorksCase(agentId) || user.IsInRole(nameof(StaffRoles.WindowClerk));
}
