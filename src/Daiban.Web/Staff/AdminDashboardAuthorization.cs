using Daiban.Core.Staff;
using Hangfire.Dashboard;

namespace Daiban.Web.Staff;

/// <summary>The Hangfire dashboard shows job arguments and can delete jobs: admins only, whatever the network.</summary>
public sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return (user.HasClaim(DaibanClaims.Kind, DaibanClaims.Staff) || user.HasClaim(DaibanClaims.Kind, DaibanClaims.Dashboard))
            && user.IsInRole(nameof(StaffRoles.Admin));
    }
}
