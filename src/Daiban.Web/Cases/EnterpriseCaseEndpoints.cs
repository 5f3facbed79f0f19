using System.Security.Claims;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;
using Daiban.Core.Reminders;
using Daiban.WeChat.Notifications;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Cases;

/// <summary>
/// The enterprise's journey: bind to an enterprise, apply, follow progress, agree the plan, confirm receipt,
/// evaluate, read the in-app messages. A case the user may not see answers 404, never 403, so nobody learns that
/// it exists.
/// </summary>
public static class MiniProgramCaseEndpoints
{
    public static void MapMiniProgramCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/mp").WithTags("Mini-program").RequireAuthorization(DaibanClaims.MiniProgramPolicy);
        g.MapPost("/enterprises", BindEnterpriseAsync)
            .WithName("BindEnterprise").WithSummary("绑定企业（待综合窗口或已确认的联系人确认）");
        g.MapGet("/enterprises", ListEnterprisesAsync).WithName("MyEnterprises").WithSummary("我绑定的企业");
        g.MapPost("/cases", ApplyAsync).AddEndpointFilter<ApplicationQuotaFilter>()
            .WithName("Apply").WithSummary("申请帮办、代办或包办（Idempotency-Key防止重复提交）");
        g.MapGet("/cases", ListCasesAsync).WithName("MyCases").WithSummary("我的案件");
        g.MapGet("/cases/{id:long}", GetCaseAsync).WithName("MyCase").WithSummary("案件进度、事项时限与日志");
        g.MapPost("/cases/{id:long}/plan-decision", DecidePlanAsync)
            .WithName("DecidePlan").WithSummary("确认或退回服务方案");
        g.MapPost("/cases/{id:long}/receipt", ConfirmReceiptAsync)
            .WithName("ConfirmReceipt").WithSummary("确认签收邮寄的办理结果");
        g.MapPost("/cases/{id:long}/parcels", MailMaterialsAsync)
            .WithName("MailMaterials").WithSummary("登记免费邮寄给代办员的申请材料（快递公司、运单号）");
        g.MapPost("/cases/{id:long}/parcels/{parcelId:long}/received", ConfirmParcelAsync)
            .WithName("ConfirmParcelReceived").WithSummary("确认签收代办员寄回的材料");
        g.MapPost("/cases/{id:long}/withdrawal", WithdrawAsync)
            .WithName("WithdrawApplication").WithSummary("撤回申请（须说明原因；代办员收到通知）");
        g.MapPost("/cases/{id:long}/evaluation", EvaluateAsync).WithName("Evaluate").WithSummary("服务评价（每个案件一次）");
        g.MapGet("/cases/{id:long}/archive", GetArchiveAsync)
            .WithName("MyCaseArchive").WithSummary("查阅本企业案件的电子档案");
        g.MapGet("/messages", ListMessagesAsync).WithName("MyMessages").WithSummary("站内消息");
        g.MapPost("/messages/{messageId:long}/read", MarkMessageReadAsync)
            .WithName("MarkMyMessageRead").WithSummary("标记一条站内消息已读");
        g.MapPost("/messages/read-all", MarkAllMessagesReadAsync)
            .WithName("MarkAllMyMessagesRead").WithSummary("全部站内消息标记已读");
    }

    internal static async Task<Ok<EnterpriseBinding>> BindEnterpriseAsync(BindEnterpriseRequest request,
        [AsParameters] RequestContext x)
    {
        var code = UnifiedSocialCreditCode.Parse(request.CreditCode);
        var name = Guard.Required(request.EnterpriseName, "企业名称", 128);
        var userId = x.User.MiniProgramUserId();
        var me = await x.Db.MiniProgramUsers.SingleAsync(u => u.Id == userId, x.Cancellation);
        var enterprise = await x.Db.Enterprises.Include(e => e.Contacts)
                             .SingleOrDefaultAsync(e => e.CreditCode == code, x.Cancellation)
                         ?? x.Db.Enterprises.Add(new Enterprise(name, code, x.Now)).Entity;
        var contact = enterprise.AddContact(Guard.Required(request.ContactName, "联系人姓名", 32), me.Phone, me.OpenId,
            x.Now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(Binding(contact));
    }

    internal static async Task<Ok<List<EnterpriseBinding>>> ListEnterprisesAsync([AsParameters] RequestContext x) =>
        TypedResults.Ok((await ContactsAsync(x)).Select(Binding).ToList());

    internal static async Task<Results<Created<EnterpriseCaseView>, Ok<EnterpriseCaseView>>> ApplyAsync(
        ApplyRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CaseRegistration registration, EnterpriseCaseViews views, [AsParameters] RequestContext x)
    {
        var contacts = await ContactsAsync(x);
        var contact = contacts.FirstOrDefault(c => c.Id == request.ContactId)
                      ?? (request.ContactId is null && contacts.Count == 1 ? contacts[0] : null)
                      ?? throw DomainRuleException.Invalid("apply.no_enterprise", "请先绑定企业，再以该企业名义申请。");
        var project = request.Project ?? throw DomainRuleException.Invalid("case.project_required", "请填写项目基本信息。");
        var scope = new ApplicationScope(request.Mode, (request.Stages ?? []).Select(StageNames.FromNumber).ToList(),
            request.Items ?? [], request.Request, request.ScopeLeftToAgent);
        var (@case, created) =
            await registration.ApplyOnlineAsync(contact, project.ToFacts(), scope, idempotencyKey, x.Cancellation);
        var view = await views.OfAsync(@case, x.Cancellation);
        return created ? TypedResults.Created($"/api/mp/cases/{@case.Id}", view) : TypedResults.Ok(view);
    }

    internal static async Task<Ok<List<EnterpriseCaseView>>> ListCasesAsync(EnterpriseCaseViews views,
        [AsParameters] RequestContext x)
    {
        var contacts = await ContactsAsync(x);
        var ids = await x.Db.Cases.AsNoTracking().VisibleCases(contacts).OrderByDescending(c => c.Id).Select(c => c.Id)
            .Take(50).ToListAsync(x.Cancellation);
        var cases = await x.Db.Cases.AsNoTracking().LoadAggregatesAsync(ids, x.Cancellation);
        return TypedResults.Ok(await views.OfAsync(cases, x.Cancellation));
    }

    internal static async Task<Results<Ok<EnterpriseCaseView>, NotFound>> GetCaseAsync(long id,
        EnterpriseCaseViews views, [AsParameters] RequestContext x)
    {
        if (await CaseActions.FindVisibleAsync(x, id, tracked: false) is not { } found)
            return TypedResults.NotFound();
        var agentId = found.Case.AgentId;
        var phone = agentId is null
            ? null
            : await x.Db.Staff.AsNoTracking().Where(s => s.Id == agentId).Select(s => s.Phone)
                .SingleOrDefaultAsync(x.Cancellation);
        return TypedResults.Ok(await views.OfAsync(found.Case, x.Cancellation) with { AgentPhone = phone });
    }

    internal static Task<Results<Ok<EnterpriseCaseView>, NotFound>> DecidePlanAsync(long id,
        PlanDecisionRequest request, EnterpriseCaseViews views, [AsParameters] RequestContext x) =>
        x.ActAsync(views, id, CaseActions.Contact,
            a => a.Case.DecidePlan(request.Agree, request.Comment, a.Actor, x.Now));

    internal static Task<Results<Ok<EnterpriseCaseView>, NotFound>> ConfirmReceiptAsync(long id,
        ReceiptRequest request, EnterpriseCaseViews views, [AsParameters] RequestContext x) =>
        x.ActAsync(views, id, CaseActions.Contact, a => a.Case.ConfirmReceipt(request.SignedBy ?? a.Actor.Name,
            request.SignatureReference, a.Actor, x.Now));

    internal static Task<Results<Ok<EnterpriseCaseView>, NotFound>> MailMaterialsAsync(long id,
        ParcelRequest request, EnterpriseCaseViews views, [AsParameters] RequestContext x) =>
        x.ActAsync(views, id, CaseActions.Contact, a => a.Case.MailMaterialsIn(request.Contents ?? "",
            request.Carrier ?? "", request.TrackingNumber ?? "", a.Actor, x.Now));

    /// <summary>The applicant may withdraw its own application even before its binding is confirmed.</summary>
    internal static Task<Results<Ok<EnterpriseCaseView>, NotFound>> WithdrawAsync(long id, ClosingRequest request,
        EnterpriseCaseViews views, [AsParameters] RequestContext x) =>
        x.ActAsync(views, id, CaseActions.ContactOrApplicant,
            a => a.Case.Withdraw(request.Reason ?? "", a.Actor, x.Now));

    internal static Task<Results<Ok<EnterpriseCaseView>, NotFound>> ConfirmParcelAsync(long id, long parcelId,
        EnterpriseCaseViews views, [AsParameters] RequestContext x) =>
        x.ActAsync(views, id, CaseActions.Contact, a => a.Case.ConfirmParcelReceived(parcelId, a.Actor, x.Now));

    internal static async Task<Results<Ok<EnterpriseCaseView>, NotFound>> EvaluateAsync(long id,
        EvaluationRequest request, IOptions<ServiceRules> rules, EnterpriseCaseViews views,
        [AsParameters] RequestContext x)
    {
        var calendar = await x.Db.LoadBusinessCalendarAsync(x.Cancellation);
        // A bad review's rectification, callback and notice commit with the evaluation, not at the next sweep.
        await using var transaction = await x.Db.Database.BeginTransactionAsync(x.Cancellation);
        var result = await x.ActThenReadAsync(id, CaseActions.Contact, async a =>
        {
            if (a.Case.Evaluate(request.ToForm(), calendar, rules.Value.EvaluationWindowWorkingDays, a.Actor, x.Now))
                await EvaluationFollowUp.OpenForBadReviewAsync(x.Db, a.Case, rules.Value, x.Now, x.Cancellation);
        }, c => views.OfAsync(c, x.Cancellation));
        await transaction.CommitAsync(x.Cancellation);
        return result;
    }

    internal static async Task<Results<Ok<ArchiveResponse>, NotFound>> GetArchiveAsync(long id,
        [AsParameters] RequestContext x)
    {
        var contacts = await ContactsAsync(x);
        // Only confirmed contacts read an enterprise's archive.
        var confirmed = contacts.Where(c => c.CanActForEnterprise).ToList();
        var visible = await x.Db.Cases.AsNoTracking().VisibleCases(confirmed).AnyAsync(c => c.Id == id, x.Cancellation);
        var archive = visible
            ? await x.Db.CaseArchives.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == id, x.Cancellation)
            : null;
        return archive is null ? TypedResults.NotFound() : TypedResults.Ok(ArchiveResponse.ForEnterprise(archive));
    }

    internal static async Task<Ok<List<InAppMessage>>> ListMessagesAsync([AsParameters] RequestContext x)
    {
        var contactIds = await ContactIdsAsync(x);
        var rows = await InAppMessages.Latest(x.Db, RecipientKind.EnterpriseContact, contactIds)
            .Select(n => new
            {
                n.Id, n.Title, n.DataJson, n.FieldsJson, n.CaseId, n.Destination, n.DestinationCaseId, n.CreatedAt,
                Read = n.ReadAt != null,
            })
            .ToListAsync(x.Cancellation);
        return TypedResults.Ok(rows.Select(n => new InAppMessage(n.Id, n.Title,
            InAppMessages.Detail(n.FieldsJson, n.DataJson), n.CaseId,
            MiniProgramPages.For(RecipientKind.EnterpriseContact, new NoticeTarget(n.Destination, n.DestinationCaseId)),
            n.CreatedAt, n.Read)).ToList());
    }

    internal static async Task<Results<NoContent, NotFound>> MarkMessageReadAsync(long messageId,
        [AsParameters] RequestContext x) =>
        await InAppMessages.MarkReadAsync(x.Db, RecipientKind.EnterpriseContact, await ContactIdsAsync(x), messageId,
            x.Now, x.Cancellation)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    internal static async Task<Ok<MessagesRead>> MarkAllMessagesReadAsync([AsParameters] RequestContext x) =>
        TypedResults.Ok(new MessagesRead(await InAppMessages.MarkAllReadAsync(x.Db, RecipientKind.EnterpriseContact,
            await ContactIdsAsync(x), x.Now, x.Cancellation)));

    /// <summary>An enterprise's action on its case, answered with its whole view of the case.</summary>
    private static Task<Results<Ok<EnterpriseCaseView>, NotFound>> ActAsync(this RequestContext x,
        EnterpriseCaseViews views, long id, CaseAccess access, Action<CaseActor> act) =>
        x.ActThenReadAsync(id, access, a =>
        {
            act(a);
            return Task.CompletedTask;
        }, c => views.OfAsync(c, x.Cancellation));

    private static Task<IReadOnlyList<EnterpriseContact>> ContactsAsync(RequestContext x) =>
        EnterpriseAccess.ContactsOfAsync(x.Db, x.User.OpenId(), x.Cancellation);

    private static async Task<List<long>> ContactIdsAsync(RequestContext x) =>
        (await ContactsAsync(x)).Select(c => c.Id).ToList();

    private static EnterpriseBinding Binding(EnterpriseContact c) => EnterpriseBinding.From(c);

    public static long MiniProgramUserId(this ClaimsPrincipal user) => long.Parse(user.FindFirstValue("sub")!);

    public static string OpenId(this ClaimsPrincipal user) => user.FindFirstValue(DaibanClaims.OpenId)!;
}
