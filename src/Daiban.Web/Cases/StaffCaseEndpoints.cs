using Daiban.Core.Assignment;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Reminders;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Cases;

/// <summary>
/// The window's side of 集中受理: register walk-ins and online applications, route them, assign with a reason.
/// </summary>
public static class StaffCaseEndpoints
{
    public static void MapStaffCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff/cases").WithTags("Staff cases");
        g.MapGet("/", ListAsync).WithName("ListStaffCases")
            .WithSummary("案件查找：案件编号、企业、项目、联系人或其手机号；按状态、代办员、逾期筛选；默认最紧急在前；分页（代办员只看到自己的案件）")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/{id:long}", GetAsync).WithName("GetStaffCase").WithSummary("案件详情")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPost("/", RegisterWalkInAsync).WithName("RegisterWalkIn").WithSummary("窗口登记现场申请（含项目信息采集表）")
            .RequireAuthorization(StaffPolicies.Window);
        g.MapPost("/{id:long}/register", RegisterAsync).WithName("RegisterCase").WithSummary("登记线上申请")
            .RequireAuthorization(StaffPolicies.Window);
        g.MapGet("/{id:long}/routing", SuggestAsync).WithName("SuggestAgent").WithSummary("分派建议及理由")
            .RequireAuthorization(StaffPolicies.Window);
        g.MapPost("/{id:long}/assignment", AssignAsync).WithName("AssignCase")
            .WithSummary("指派或改派代办员（手动指定须填写理由）").RequireAuthorization(StaffPolicies.Window);
        g.MapPost("/{id:long}/rejection", RejectAsync).WithName("RejectApplication")
            .WithSummary("不予受理（须说明原因，企业收到通知）").RequireAuthorization(StaffPolicies.Window);
        g.MapPost("/{id:long}/withdrawal", RecordWithdrawalAsync).WithName("RecordWithdrawal")
            .WithSummary("登记企业撤回申请（电话或现场提出，须说明原因；代办员与企业收到通知）")
            .RequireAuthorization(StaffPolicies.Window);
        g.MapGet("/{id:long}/collection-form", GetCollectionFormAsync).WithName("GetCollectionForm")
            .WithSummary("项目信息采集表（附件1）当前内容与采集人").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPut("/{id:long}/collection-form", RecordCollectionFormAsync).WithName("RecordCollectionForm")
            .WithSummary("综合窗口或本案代办员与企业核实后填写、更正项目信息采集表").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPost("/{id:long}/archive", ArchiveAsync).WithName("ArchiveCase").WithSummary("送达签收后整理归档，生成电子档案")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/{id:long}/archive/print", PrintArchiveAsync).WithName("PrintCaseArchive")
            .WithSummary("电子档案打印版（HTML）").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/{id:long}/completion-slip/print", PrintCompletionSlipAsync).WithName("PrintCompletionSlip")
            .WithSummary("帮办代办包办服务办结单打印版（HTML，全部事项办结后；当面送达时由委托人签字）")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/{id:long}/archive", GetArchiveAsync).WithName("GetCaseArchive").WithSummary("案件电子档案")
            .RequireAuthorization(StaffPolicies.AnyStaff);
    }

    /// <summary>A page of the staff case list (see <see cref="CaseSearch"/> and <see cref="PageHeaders"/>).</summary>
    internal static async Task<Ok<List<CaseListItem>>> ListAsync([AsParameters] CaseListRequest r,
        [AsParameters] PageRequest paging, IOptions<ServiceRules> rules, HttpContext http,
        [AsParameters] RequestContext x)
    {
        var query = new CaseQuery(r.Status, r.Q, r.AgentId, r.Overdue ?? false, r.Sort ?? CaseSort.Urgency);
        var spec = paging.Spec();
        var today = ChinaTime.Today(x.Clock);
        var page = await CaseSearch.FindAsync(x.Db, x.User.Powers(), query, spec, today, x.Cancellation);
        // The calendar only when a row has a due date or waits at the window (registration, assignment queues).
        var calendar = page.Rows.Any(c => c.NextDueOn is not null
                                          || c.Status is CaseStatus.Submitted or CaseStatus.Registered)
            ? await x.Db.LoadBusinessCalendarAsync(x.Cancellation)
            : null;
        return TypedResults.Ok(http.Write(spec, page, c => calendar is null
            ? CaseListItem.From(c, null, null)
            : CaseListItem.From(c, c.NextDueOn is { } due ? calendar.WorkingDaysLeft(due, today) : null,
                WindowWaits.For(c.Status, c.SubmittedAt, c.RegisteredAt, calendar,
                    rules.Value.RegistrationWorkingDays, today))));
    }

    /// <summary>The case with its header and the steps its state allows the reader.</summary>
    internal static async Task<Results<Ok<CaseResponse>, NotFound>> GetAsync(long id, IOptions<ServiceRules> rules,
        [AsParameters] RequestContext x)
    {
        var c = await x.Db.Cases.AsNoTracking().FindAggregateAsync(id, x.Cancellation);
        // Another agent's case does not exist as far as this agent can tell.
        if (c is null || !x.User.MaySeeCase(c.AgentId))
            return TypedResults.NotFound();
        var who = x.User.Powers();
        var work = CaseWorkflow.For(c, who, await x.Db.LoadBusinessCalendarAsync(x.Cancellation),
            rules.Value.EvaluationWindowWorkingDays, ChinaTime.Today(x.Clock));
        var (enterprise, project) = await PartiesAsync(x.Db, c, x.Cancellation);
        var contact = await x.Db.EnterpriseContacts.Where(k => k.Id == c.ApplicantContactId)
            .Select(k => new { k.Name, k.Phone }).SingleOrDefaultAsync(x.Cancellation);
        var whole = who.SeesContactPhone(c.AgentId);
        var phone = contact?.Phone is { Length: > 0 } p ? whole ? p : PersonalData.MaskPhone(p) : null;
        var header = new CaseHeaderResponse(enterprise, project, contact?.Name, phone, phone is not null && !whole,
            c.Request, work.NextDueOn, work.WorkingDaysLeft, work.NextStep, work.EvaluationOpenUntil);
        var view = await CaseResponse.ReadAsync(x.Db, c, x.Cancellation);
        return TypedResults.Ok(view with { Header = header, Allowed = new(work.Steps, work.ItemSteps) });
    }

    internal static async Task<Created<CaseResponse>> RegisterWalkInAsync(WalkInRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CaseRegistration registration,
        [AsParameters] RequestContext x)
    {
        var project = request.Project ?? throw DomainRuleException.Invalid("case.project_required", "请填写项目信息采集表。");
        var scope = new ApplicationScope(request.Mode, (request.Stages ?? []).Select(StageNames.FromNumber).ToList(),
            request.Items ?? [], request.Request, request.ScopeLeftToAgent);
        var application = new WalkInApplication(request.EnterpriseName ?? "", request.CreditCode ?? "",
            request.ContactName ?? "", request.ContactPhone, project.ToFacts(), scope, idempotencyKey);
        var created = await registration.RegisterWalkInAsync(application, x.User.StaffActor(), x.Cancellation);
        var full = await x.Db.Cases.AsNoTracking().LoadAggregate(created.Id, x.Cancellation);
        return TypedResults.Created($"/api/staff/cases/{full.Id}",
            await CaseResponse.ReadAsync(x.Db, full, x.Cancellation));
    }

    internal static Task<Results<Ok<CaseResponse>, NotFound>> RegisterAsync(long id, CaseRegistration registration,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Window, a => registration.RegisterOnlineAsync(a.Case, a.Actor, x.Cancellation));

    internal static async Task<Results<Ok<RoutingResponse>, NotFound>> SuggestAsync(long id, CaseAssigner assigner,
        [AsParameters] RequestContext x)
    {
        var c = await x.Db.Cases.AsNoTracking().FindAggregateAsync(id, x.Cancellation);
        return c is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(RoutingResponse.From(await assigner.SuggestAsync(c, x.Cancellation)));
    }

    internal static Task<Results<Ok<CaseResponse>, NotFound>> AssignAsync(long id, AssignRequest request,
        CaseAssigner assigner, [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Window,
            a => assigner.AssignAsync(a.Case, request.AgentId, request.Reason, a.Actor, x.Cancellation));

    /// <summary>
    /// The window ends a case early; its event tells the enterprise why, and the agent if one worked it.
    /// </summary>
    internal static Task<Results<Ok<CaseResponse>, NotFound>> RejectAsync(long id, ClosingRequest r,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Window, a => a.Case.Reject(r.Reason ?? "", a.Actor, x.Now));

    /// <inheritdoc cref="RejectAsync"/>
    internal static Task<Results<Ok<CaseResponse>, NotFound>> RecordWithdrawalAsync(long id, ClosingRequest r,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Window, a => a.Case.Withdraw(r.Reason ?? "", a.Actor, x.Now));

    internal static async Task<Results<Ok<CollectionFormResponse>, NotFound>> GetCollectionFormAsync(long id,
        [AsParameters] RequestContext x)
    {
        var c = await x.Db.Cases.AsNoTracking().Where(k => k.Id == id).Select(k => new { k.ProjectId, k.AgentId })
            .SingleOrDefaultAsync(x.Cancellation);
        if (c is null || !x.User.MaySeeCase(c.AgentId))
            return TypedResults.NotFound();
        var project = await x.Db.Projects.AsNoTracking().SingleAsync(p => p.Id == c.ProjectId, x.Cancellation);
        return TypedResults.Ok(CollectionFormResponse.From(project));
    }

    /// <summary>
    /// 五.2: the window, or the case's agent, completes the form with the enterprise; supervision only reads it.
    /// </summary>
    internal static async Task<Results<Ok<CollectionFormResponse>, NotFound, ForbidHttpResult>>
        RecordCollectionFormAsync(long id, ProjectRequest request, [AsParameters] RequestContext x)
    {
        var c = await x.Db.Cases.FindAggregateAsync(id, x.Cancellation);
        if (c is null || !x.User.MaySeeCase(c.AgentId))
            return TypedResults.NotFound();
        if (!x.User.WorksCaseOrWindow(c.AgentId))
            return TypedResults.Forbid();
        var project = await x.Db.Projects.SingleAsync(p => p.Id == c.ProjectId, x.Cancellation);
        project.RecordCollection(request.ToFacts(), x.User.StaffActor(), x.Now);
        c.NoteCollectionForm(project, x.User.StaffActor(), x.Now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(CollectionFormResponse.From(project));
    }

    /// <summary>The case's agent or the window closes the file (五.5); supervisors only read.</summary>
    internal static async Task<Results<Ok<ArchiveResponse>, NotFound, ForbidHttpResult>> ArchiveAsync(long id,
        CaseArchiving archiving, [AsParameters] RequestContext x)
    {
        var c = await x.Db.Cases.FindAggregateAsync(id, x.Cancellation);
        if (c is null || !x.User.MaySeeCase(c.AgentId))
            return TypedResults.NotFound();
        if (!x.User.WorksCaseOrWindow(c.AgentId))
            return TypedResults.Forbid();
        var archive = await archiving.ArchiveAsync(c, x.User.StaffActor(), x.Cancellation);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(ArchiveResponse.From(archive));
    }

    internal static async Task<Results<Ok<ArchiveResponse>, NotFound>> GetArchiveAsync(long id,
        [AsParameters] RequestContext x) =>
        await VisibleArchiveAsync(id, x) is { } archive
            ? TypedResults.Ok(ArchiveResponse.From(archive))
            : TypedResults.NotFound();

    internal static async Task<Results<ContentHttpResult, NotFound>> PrintArchiveAsync(long id, HttpContext http,
        [AsParameters] RequestContext x)
    {
        if (await VisibleArchiveAsync(id, x) is not { } archive)
            return TypedResults.NotFound();
        http.Response.Headers.ContentSecurityPolicy = ArchivePrinter.ContentSecurityPolicy;
        return TypedResults.Content(ArchivePrinter.Render(archive), "text/html; charset=utf-8");
    }

    /// <summary>The 办结单 to print, to staff who may see the case, once its results are ready (统一送达).</summary>
    internal static async Task<Results<ContentHttpResult, NotFound>> PrintCompletionSlipAsync(long id,
        HttpContext http, [AsParameters] RequestContext x)
    {
        var c = await x.Db.Cases.AsNoTracking().FindAggregateAsync(id, x.Cancellation);
        if (c is null || !x.User.MaySeeCase(c.AgentId))
            return TypedResults.NotFound();
        if (!c.Status.HasResults())
            throw new DomainRuleException("case.slip_not_ready", "全部事项办结后才能打印办结单。");
        var (enterprise, project) = await PartiesAsync(x.Db, c, x.Cancellation);
        var departments = await x.Db.DepartmentNamesAsync(c.Items.Select(i => i.DepartmentCode), x.Cancellation);
        http.Response.Headers.ContentSecurityPolicy = ArchivePrinter.ContentSecurityPolicy;
        return TypedResults.Content(CompletionSlipPrinter.Render(c, enterprise, project, departments, x.Now),
            "text/html; charset=utf-8");
    }

    /// <summary>The names of the case's enterprise and project, as its header and its prints state them.</summary>
    private static async Task<(string Enterprise, string Project)> PartiesAsync(DaibanDbContext db, Case c,
        CancellationToken ct) =>
        (await db.Enterprises.Where(e => e.Id == c.EnterpriseId).Select(e => e.Name).SingleAsync(ct),
            await db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.Name).SingleAsync(ct));

    private static async Task<CaseArchive?> VisibleArchiveAsync(long id, RequestContext x)
    {
        var agentId = await x.Db.Cases.Where(c => c.Id == id).Select(c => c.AgentId)
            .SingleOrDefaultAsync(x.Cancellation);
        var archive = await x.Db.CaseArchives.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == id, x.Cancellation);
        return archive is not null && x.User.MaySeeCase(agentId) ? archive : null;
    }
}
