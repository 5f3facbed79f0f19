using System.Security.Claims;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Staff;

public sealed record DashboardSessionResponse(string Path, DateTimeOffset ExpiresAt);

/// <summary>
/// A browser cannot send the console's bearer token when it opens <c>/hangfire</c>, so an admin exchanges it for an
/// HttpOnly cookie sent only to that path. The cookie holds a token of its own kind and session, for one hour (ended
/// with the admin's sign-out, deactivation or role change): staff endpoints
/// refuse it, so a cookie that leaks opens the dashboard and nothing else. SameSite=Strict keeps another site from
/// making the browser use it (the dashboard's requeue and delete buttons are POSTs).
/// </summary>
public static class DashboardSessionEndpoints
{
    public const string CookieName = "daiban_dashboard";
    public const string DashboardPath = "/hangfire";

    public static void MapDashboardSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff/dashboard-session").WithTags("Admin");
        g.MapPost("/", Open).RequireAuthorization(StaffPolicies.Admin)
            .WithName("OpenDashboardSession").WithSummary("管理员打开后台任务面板（/hangfire）：设置仅该路径可用的一小时会话");
        // Anonymous: signing out must clear the cookie even after the staff token has expired.
        g.MapDelete("/", Close).AllowAnonymous()
            .WithName("CloseDashboardSession").WithSummary("退出时清除后台任务面板会话");
    }

    internal static async Task<Ok<DashboardSessionResponse>> Open(HttpContext http, StaffAccounts accounts,
        TokenIssuer tokens, IOptions<AuthOptions> options, [AsParameters] RequestContext x)
    {
        var staff = await x.Db.Staff.SingleAsync(s => s.Id == x.User.StaffId(), x.Cancellation);
        var session = accounts.StartSession(staff, StaffSessionKind.Dashboard, options.Value.DashboardSessionLifetime);
        await x.Db.SaveChangesAsync(x.Cancellation);
        var (token, expiresAt) = tokens.IssueForDashboard(staff, session);
        http.Response.Cookies.Append(CookieName, token, Cookie(http, expiresAt));
        return TypedResults.Ok(new DashboardSessionResponse(DashboardPath, expiresAt));
    }

    internal static NoContent Close(HttpContext http)
    {
        http.Response.Cookies.Delete(CookieName, Cookie(http, null));
        return TypedResults.NoContent();
    }

    private static CookieOptions Cookie(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = DashboardPath,
        // Behind the TLS-terminating proxy the scheme comes from X-Forwarded-Proto (see ReverseProxyOptions).
        Secure = http.Request.IsHttps,
        Expires = expires,
        IsEssential = true,
    };
}
