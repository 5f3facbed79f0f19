using System.Security.Claims;
using Daiban.Core.Assignment;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Cases;

/// <summary>The window's side of 集中受理: register walk-ins and online applications, route them, assign with a reason.</summary>
public static class StaffCaseEndpoints
{
    public static void MapStaffCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff/cases").WithTags("Staff cases");
        g.MapGet("/", ListAsync).WithName("ListStaffCases").WithSummary("案件列表（代办员只看到自己的案件）").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/{id:long}", GetAsync).WithName("GetStaffCase").WithSummary("案件详情").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPost("/", RegisterWalkInAsync).WithName("RegisterWalkIn").WithSummary("窗口登记现场申请（含项目信息采集表）").RequireAuthorization(StaffPolicies.Window);
        g.MapPost("/{id:long}/register", RegisterAsync).WithName("RegisterCase").WithSummary("登记线上申请").RequireAuthorization(StaffPolicies.Window);
        g.MapGet("/{id:long}/routing", SuggestAsync).WithName("SuggestAgent").WithSummary("分派建议及理由").RequireAuthorization(StaffPolicies.Window);
        g.MapPost("/{id:long}/assignment", AssignAsync).WithName("AssignCase").WithSummary("指派或改派代办员（手动指定须填写理由）").RequireAuthorization(StaffPolicies.Window);
        g.MapPost("/{id:long}/rejection", (long id, ClosingRequest r, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
                CloseAsync(id, u, db, t, ct, (c, by, now) => c.Reject(r.Reason ?? "", by, now)))
            .WithName("RejectApplication").WithSummary("不予受理（须说明原因，企业收到通知）").RequireAuthorization(StaffPolicies.Window);
        g.MapPost("/{id:long}/withdrawal", (long id, ClosingRequest r, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
                CloseAsync(id, u, db, t, ct, (c, by, now) => c.Withdraw(r.Reason ?? "", by, now)))
            .WithName("RecordWithdrawal").WithSummary("登记企业撤回申请（电话或现场提出，须说明原因；代办员与企业收到通知）").RequireAuthorization(StaffPolicies.Window);
        g.MapGet("/{id:long}/collection-form", GetCollectionFormAsync).WithName("GetCollectionForm")
            .WithSummary("项目信息采集表（附件1）当前内容与采集人").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPut("/{id:long}/collection-form", RecordCollectionFormAsync).WithName("RecordCollectionForm")
            .WithSummary("综合窗口或本案代办员与企业核实后填写、更正项目信息采集表").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPost("/{id:long}/archive", ArchiveAsync).WithName("ArchiveCase").WithSummary("送达签收后整理归档，生成电子档案").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/{id:long}/archive/print", PrintArchiveAsync).WithName("PrintCaseArchive").WithSummary("电子档案打印版（HTML）").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/{id:long}/archive", GetArchiveAsync).WithName("GetCaseArchive").WithSummary("案件电子档案").RequireAuthorization(StaffPolicies.AnyStaff);
    }

    internal static async Task<Ok<List<CaseListItem>>> ListAsync(CaseStatus? status, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        var query = db.Cases.AsNoTracking();
        if (!user.SeesAllCases())
            query = query.Where(c => c.AgentId == user.StaffId());
        if (status is not null)
            query = query.Where(c => c.Status == status);
        var cases = await query.OrderByDescending(c => c.Id).Take(200)
            .Select(c => new { c.Id, c.CaseNumber, c.Mode, c.Status, c.AgentName, c.SubmittedAt, NextDue = c.Items.Where(i => i.RunningDueOn != null).Min(i => i.RunningDueOn) })
            .ToListAsync(ct);
        return TypedResults.Ok(cases.Select(c => new CaseListItem(c.Id, c.CaseNumber, c.Mode.Name(), c.Status, c.Status.Name(), c.AgentName, c.SubmittedAt, c.NextDue)).ToList());
    }

    internal static async Task<Results<Ok<CaseResponse>, NotFound>> GetAsync(long id, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FindAggregateAsync(id, ct);
        // Another agent's case does not exist as far as this agent can tell.
        return c is null || !user.MaySeeCase(c.AgentId) ? TypedResults.NotFound() : TypedResults.Ok(CaseResponse.From(c));
    }

    internal static async Task<Created<CaseResponse>> RegisterWalkInAsync(WalkInRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, CaseRegistration registration, DaibanDbContext db, CancellationToken ct)
    {
        var project = request.Project ?? throw DomainRuleException.Invalid("case.project_required", "请填写项目信息采集表。");
        var scope = new ApplicationScope(request.Mode, (request.Stages ?? []).Select(StageNames.FromNumber).ToList(), request.Items ?? [], request.Request);
        var created = await registration.RegisterWalkInAsync(new WalkInApplication(request.EnterpriseName ?? "", request.CreditCode ?? "",
            request.ContactName ?? "", request.ContactPhone, project.ToFacts(), scope, idempotencyKey), user.StaffActor(), ct);
        var full = await db.Cases.AsNoTracking().LoadAggregate(created.Id, ct);
        return TypedResults.Created($"/api/staff/cases/{full.Id}", CaseResponse.From(full));
    }

    internal static async Task<Results<Ok<CaseResponse>, NotFound>> RegisterAsync(long id, ClaimsPrincipal user, DaibanDbContext db, CaseRegistration registration,
        CancellationToken ct)
    {
        var c = await db.Cases.FindAggregateAsync(id, ct);
        if (c is null)
            return TypedResults.NotFound();
        await registration.RegisterOnlineAsync(c, user.StaffActor(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CaseResponse.From(c));
    }

    internal static async Task<Results<Ok<RoutingResponse>, NotFound>> SuggestAsync(long id, DaibanDbContext db, CaseAssigner assigner, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FindAggregateAsync(id, ct);
        return c is null ? TypedResults.NotFound() : TypedResults.Ok(RoutingResponse.From(await assigner.SuggestAsync(c, ct)));
    }

    internal static async Task<Results<Ok<CaseResponse>, NotFound>> AssignAsync(long id, AssignRequest request, ClaimsPrincipal user, DaibanDbContext db,
        CaseAssigner assigner, CancellationToken ct)
    {
        var c = await db.Cases.FindAggregateAsync(id, ct);
        if (c is null)
            return TypedResults.NotFound();
        await assigner.AssignAsync(c, request.AgentId, request.Reason, user.StaffActor(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CaseResponse.From(c));
    }

    internal static async Task<Results<Ok<CollectionFormResponse>, NotFound>> GetCollectionFormAsync(long id, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.ProjectId, x.AgentId }).SingleOrDefaultAsync(ct);
        if (c is null || !user.MaySeeCase(c.AgentId))
            return TypedResults.NotFound();
        return TypedResults.Ok(CollectionFormResponse.From(await db.Projects.AsNoTracking().SingleAsync(p => p.Id == c.ProjectId, ct)));
    }

    /// <summary>五.2: the window, or the case's agent, completes the form with the enterprise; supervision only reads it.</summary>
    internal static async Task<Results<Ok<CollectionFormResponse>, NotFound, ForbidHttpResult>> RecordCollectionFormAsync(long id, ProjectRequest request,
        ClaimsPrincipal user, DaibanDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.Cases.FindAggregateAsync(id, ct);
        if (c is null || !user.MaySeeCase(c.AgentId))
            return TypedResults.NotFound();
        if (!user.WorksCaseOrWindow(c.AgentId))
            return TypedResults.Forbid();
        var project = await db.Projects.SingleAsync(p => p.Id == c.ProjectId, ct);
        var now = clock.GetUtcNow();
        project.RecordCollection(request.ToFacts(), user.StaffActor(), now);
        c.NoteCollectionForm(project, user.StaffActor(), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CollectionFormResponse.From(project));
    }

    /// <summary>The window ends a case early; its event tells the enterprise why, and the agent if one worked it.</summary>
    private static async Task<Results<Ok<CaseResponse>, NotFound>> CloseAsync(long id, ClaimsPrincipal user, DaibanDbContext db, TimeProvider clock,
        CancellationToken ct, Func<Case, Actor, DateTimeOffset, bool> close)
    {
        var c = await db.Cases.FindAggregateAsync(id, ct);
        if (c is null)
            return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        close(c, user.StaffActor(), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CaseResponse.From(c));
    }

    /// <summary>The case's agent or the window closes the file (五.5); supervisors only read.</summary>
    internal static async Task<Results<Ok<ArchiveResponse>, NotFound, ForbidHttpResult>> ArchiveAsync(long id, ClaimsPrincipal user, DaibanDbContext db,
        CaseArchiving archiving, CancellationToken ct)
    {
        var c = await db.Cases.FindAggregateAsync(id, ct);
        if (c is null || !user.MaySeeCase(c.AgentId))
            return TypedResults.NotFound();
        if (!user.WorksCaseOrWindow(c.AgentId))
            return TypedResults.Forbid();
        var archive = await archiving.ArchiveAsync(c, user.StaffActor(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ArchiveResponse.From(archive));
    }

    internal static async Task<Results<Ok<ArchiveResponse>, NotFound>> GetArchiveAsync(long id, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        var agentId = await db.Cases.Where(c => c.Id == id).Select(c => c.AgentId).SingleOrDefaultAsync(ct);
        var archive = await db.CaseArchives.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == id, ct);
        return archive is null || !user.MaySeeCase(agentId) ? TypedResults.NotFound() : TypedResults.Ok(ArchiveResponse.From(archive));
    }

    internal static async Task<Results<ContentHttpResult, NotFound>> PrintArchiveAsync(long id, ClaimsPrincipal user,
        DaibanDbContext db, HttpContext http, CancellationToken ct)
    {
        var agentId = await db.Cases.Where(c => c.Id == id).Select(c => c.AgentId).SingleOrDefaultAsync(ct);
        var archive = await db.CaseArchives.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == id, ct);
        if (archive is null || !user.MaySeeCase(agentId))
            return TypedResults.NotFound();
        http.Response.Headers.ContentSecurityPolicy = ArchivePrinter.ContentSecurityPolicy;
        return TypedResults.Content(ArchivePrinter.Render(archive), "text/html; charset=utf-8");
    }

}
