using System.Security.Claims;
using Daiban.Core.Staff;

namespace Daiban.Web.Staff;

/// <summary>
/// The staff access rule (<see cref="StaffPowers"/>, in Core) read from the signed-in member's claims: the roles and
/// department its session carries. Cases and ledger issues are checked through the same powers.
/// </summary>
public static class StaffAccess
{
    public static StaffPowers Powers(this ClaimsPrincipal user) =>
        new(user.StaffId(),
            Enum.GetValues<StaffRoles>().Where(r => r is not StaffRoles.None && user.IsInRole(r.ToString()))
                .Aggregate(StaffRoles.None, (all, r) => all | r),
            user.FindFirstValue(DaibanClaims.Department));

    public static bool SeesAllCases(this ClaimsPrincipal user) => user.Powers().SeesAllCases;

    public static bool MaySeeCase(this ClaimsPrincipal user, long? agentId) => user.Powers().MaySeeCase(agentId);

    /// <summary>Acts as the case's agent: the assigned agent, or an admin.</summary>
    public static bool WorksCase(this ClaimsPrincipal user, long? agentId) => user.Powers().WorksCase(agentId);

    /// <summary>The assigned agent, an admin, or the window: who may complete a case's (or a conversation's) paperwork.</summary>
    public static bool WorksCaseOrWindow(this ClaimsPrincipal user, long? agentId) => user.Powers().WorksCaseOrWindow(agentId);
}
