using System.ComponentModel.DataAnnotations;
using Daiban.Core.Calendar;
using Daiban.Core.Common;
using Daiban.Core.Supervision;
using Daiban.Web.Cases;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Supervision;

/// <summary>
/// Supervision's view (十 强化监督, 七 队伍建设): the dashboard for supervisors, the overdue board for the window too.
/// </summary>
public static class SupervisionEndpoints
{
    public static void MapSupervisionEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff/supervision").WithTags("Supervision");
        g.MapGet("/dashboard", DashboardAsync).WithName("SupervisionDashboard")
            .WithSummary("监督看板：满意度分布与趋势、代办员负荷/按时率/满意度、部门时效、差评整改、待回访")
            .RequireAuthorization(StaffPolicies.Supervisor);
        g.MapGet("/callbacks", CallbacksAsync).WithName("ListCallbacks").WithSummary("回访任务（抽查回访与差评回访）")
            .RequireAuthorization(StaffPolicies.Supervisor);
        g.MapPost("/callbacks/{id:long}", RecordCallbackAsync).WithName("RecordCallback").WithSummary("记录回访结果")
            .RequireAuthorization(StaffPolicies.Supervisor);
        g.MapGet("/rectifications", RectificationsAsync).WithName("ListRectifications").WithSummary("差评整改")
            .RequireAuthorization(StaffPolicies.Supervisor);
        g.MapPost("/rectifications/{id:long}/close", CloseRectificationAsync).WithName("CloseRectification")
            .WithSummary("办结差评整改（须先完成差评回访）：已整改、已解释或申诉复核排除")
            .RequireAuthorization(StaffPolicies.Supervisor);
        g.MapGet("/overdue", OverdueAsync).WithName("OverdueBoard").WithSummary("逾期事项看板（按逾期工作日）")
            .RequireAuthorization(StaffPolicies.Oversight);
        app.MapPost("/api/staff/cases/{id:long}/supervision", SuperviseAsync).WithTags("Supervision")
            .WithName("SuperviseCase").WithSummary("督办：提醒本案代办员（记入代办日志，仅工作人员可见）")
            .RequireAuthorization(StaffPolicies.Oversight);
    }

    /// <summary>督办 on any case: the window and supervision watch every case (the route's policy is the rule).</summary>
    internal static Task<Results<Ok<CaseResponse>, NotFound>> SuperviseAsync(long id, SuperviseRequest r,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Window, a => a.Case.Supervise(r.Message ?? "", a.Actor, x.Now));

    /// <summary>The callbacks still to make first, the soonest due first (paged, see <see cref="PageHeaders"/>).</summary>
    internal static async Task<Ok<List<CallbackView>>> CallbacksAsync([AsParameters] PageRequest paging,
        HttpContext http, [AsParameters] RequestContext x)
    {
        var today = ChinaTime.Today(x.Clock);
        var spec = paging.Spec();
        var page = await spec.ReadAsync(x.Db.Callbacks.AsNoTracking(), callbacks => callbacks
            .OrderBy(c => c.Status).ThenBy(c => c.DueOn).ThenBy(c => c.Id)
            .Join(x.Db.Cases, cb => cb.CaseId, c => c.Id, (cb, c) => new { Callback = cb, c.CaseNumber }),
            x.Cancellation);
        return TypedResults.Ok(http.Write(spec, page, r => CallbackView.From(r.Callback, r.CaseNumber, today)));
    }

    internal static async Task<Results<Ok<CallbackView>, NotFound>> RecordCallbackAsync(long id,
        CallbackRecordRequest r, [AsParameters] RequestContext x)
    {
        var callback = await x.Db.Callbacks.SingleOrDefaultAsync(c => c.Id == id, x.Cancellation);
        if (callback is null)
            return TypedResults.NotFound();
        var reached = r.Reached ?? throw DomainRuleException.Invalid("callback.reached", "请说明是否联系上企业。");
        callback.Record(reached, r.Result ?? "", r.Satisfied, x.User.StaffActor(), x.Now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        var number = await CaseNumberAsync(x, callback.CaseId);
        return TypedResults.Ok(CallbackView.From(callback, number, ChinaTime.Today(x.Clock)));
    }

    /// <summary>Open rectifications first, the nearest deadline first (paged, see <see cref="PageHeaders"/>).</summary>
    internal static async Task<Ok<List<RectificationView>>> RectificationsAsync([AsParameters] PageRequest paging,
        HttpContext http, [AsParameters] RequestContext x)
    {
        var today = ChinaTime.Today(x.Clock);
        var spec = paging.Spec();
        var page = await spec.ReadAsync(x.Db.Rectifications.AsNoTracking(), rectifications => rectifications
            .OrderBy(r => r.Status).ThenBy(r => r.Deadline).ThenBy(r => r.Id)
            .Join(x.Db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { Rectification = r, c.CaseNumber }),
            x.Cancellation);
        return TypedResults.Ok(http.Write(spec, page,
            r => RectificationView.From(r.Rectification, r.CaseNumber, today)));
    }

    internal static async Task<Results<Ok<RectificationView>, NotFound>> CloseRectificationAsync(long id,
        RectificationCloseRequest r, [AsParameters] RequestContext x)
    {
        var rectification = await x.Db.Rectifications.SingleOrDefaultAsync(k => k.Id == id, x.Cancellation);
        if (rectification is null)
            return TypedResults.NotFound();
        if (!Enum.TryParse<RectificationStatus>(r.Outcome, out var outcome) || outcome == RectificationStatus.Open)
            throw DomainRuleException.Invalid("rectification.outcome", "请选择办结方式：已整改、已解释或申诉复核排除。");
        await rectification.CloseAsync(x.Db, outcome, r.Findings ?? "", r.Measures ?? "", r.Feedback ?? "",
            x.User.StaffActor(), x.Now, x.Cancellation);
        await x.Db.SaveChangesAsync(x.Cancellation);
        var number = await CaseNumberAsync(x, rectification.CaseId);
        return TypedResults.Ok(RectificationView.From(rectification, number, ChinaTime.Today(x.Clock)));
    }

    internal static async Task<Ok<SupervisionDashboard>> DashboardAsync([AsParameters] RequestContext x) =>
        TypedResults.Ok(await SupervisionStatistics.DashboardAsync(x.Db, ChinaTime.Today(x.Clock), x.Cancellation));

    /// <summary>The longest overdue first (paged, see <see cref="PageHeaders"/>).</summary>
    internal static async Task<Ok<List<OverdueRow>>> OverdueAsync([AsParameters] PageRequest paging,
        HttpContext http, [AsParameters] RequestContext x)
    {
        var spec = paging.Spec();
        var page = await SupervisionStatistics.OverdueAsync(x.Db,
            await x.Db.LoadBusinessCalendarAsync(x.Cancellation), ChinaTime.Today(x.Clock), spec, x.Cancellation);
        return TypedResults.Ok(http.Write(spec, page, r => r));
    }

    private static Task<string> CaseNumberAsync(RequestContext x, long caseId) =>
        x.Db.Cases.Where(c => c.Id == caseId).Select(c => c.CaseNumber).SingleAsync(x.Cancellation);
}

/// <summary>What the agent is pressed to do, in a sentence it can act on.</summary>
public sealed record SuperviseRequest([property: Required] string? Message);

public sealed record CallbackRecordRequest([property: Required] bool? Reached, [property: Required] string? Result,
    bool? Satisfied);

public sealed record CallbackView(long Id, long CaseId, string CaseNumber, string Kind, DateOnly DueOn, string Status,
    string? Result, bool? EnterpriseSatisfied, bool Overdue)
{
    public static CallbackView From(Callback c, string caseNumber, DateOnly today) => new(c.Id, c.CaseId, caseNumber,
        c.Kind == CallbackKind.BadReview ? "差评回访" : "抽查回访", c.DueOn, c.Status.ToString(), c.Result,
        c.EnterpriseSatisfied, c.Status == CallbackStatus.Due && c.DueOn < today);
}

public sealed record RectificationCloseRequest([property: Required] string? Outcome,
    [property: Required] string? Findings, [property: Required] string? Measures,
    [property: Required] string? Feedback);

public sealed record RectificationView(long Id, long CaseId, string CaseNumber, string Status, string StatusName,
    DateOnly Deadline, bool Overdue, string? Findings, string? Measures, string? FeedbackToEnterprise)
{
    public static RectificationView From(Rectification r, string caseNumber, DateOnly today) => new(r.Id, r.CaseId,
        caseNumber, r.Status.ToString(), Rectification.Table.Describe(r.Status), r.Deadline, r.IsOverdue(today),
        r.Findings, r.Measures, r.FeedbackToEnterprise);
}
