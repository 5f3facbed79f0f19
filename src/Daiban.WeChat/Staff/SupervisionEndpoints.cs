using Daiban.Core.Calendar;
using Daiban.Core.Persistence;
using Daiban.Core.Supervision;
using Daiban.WeChat.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Daiban.WeChat.Staff;

/// <summary>Supervision's view (十 强化监督, 七 队伍建设): the dashboard for supervisors, the overdue board for the window too.</summary>
public static class SupervisionEndpoints
{
    public static void MapSupervisionEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff/supervision").WithTags("Supervision");
        g.MapGet("/dashboard", DashboardAsync).WithName("SupervisionDashboard")
            .WithSummary("监督看板：满意度分布与趋势、代办员负荷/按时率/满意度、部门时效、差评整改、待回访").RequireAuthorization(StaffPolicies.Supervisor);
        g.MapGet("/overdue", OverdueAsync).WithName("OverdueBoard").WithSummary("逾期事项看板（按逾期工作日）").RequireAuthorization(StaffPolicies.Oversight);
    }

    internal static async Task<Ok<SupervisionDashboard>> DashboardAsync(DaibanDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await SupervisionStatistics.DashboardAsync(db, ChinaTime.Today(clock), ct));

    internal static async Task<Ok<IReadOnlyList<OverdueRow>>> OverdueAsync(DaibanDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await SupervisionStatistics.OverdueAsync(db, await db.LoadBusinessCalendarAsync(ct), ChinaTime.Today(clock), ct));
}
