using System.Security.Claims;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;
using Daiban.WeChat.Notifications;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
        g.MapPost("/enterprises", BindEnterpriseAsync).WithName("BindEnterprise").WithSummary("绑定企业（待综合窗口或已确认的联系人确认）");
        g.MapGet("/enterprises", ListEnterprisesAsync).WithName("MyEnterprises").WithSummary("我绑定的企业");
        g.MapPost("/cases", ApplyAsync).AddEndpointFilter<ApplicationQuotaFilter>()
            .WithName("Apply").WithSummary("申请帮办、代办或包办（Idempotency-Key防止重复提交）");
        g.MapGet("/cases", ListCasesAsync).WithName("MyCases").WithSummary("我的案件");
        g.MapGet("/cases/{id:long}", GetCaseAsync).WithName("MyCase").WithSummary("案件进度、事项时限与日志");
        g.MapPost("/cases/{id:long}/plan-decision", DecidePlanAsync).WithName("DecidePlan").WithSummary("确认或退回服务方案");
        g.MapPost("/cases/{id:long}/receipt", ConfirmReceiptAsync).WithName("ConfirmReceipt").WithSummary("确认签收邮寄的办理结果");
        g.MapPost("/cases/{id:long}/parcels", MailMaterialsAsync).WithName("MailMaterials").WithSummary("登记免费邮寄给代办员的申请材料（快递公司、运单号）");
        g.MapPost("/cases/{id:long}/parcels/{parcelId:long}/received", ConfirmParcelAsync).WithName("ConfirmParcelReceived").WithSummary("确认签收代办员寄回的材料");
        g.MapPost("/cases/{id:long}/withdrawal", WithdrawAsync).WithName("WithdrawApplication").WithSummary("撤回申请（须说明原因；代办员收到通知）");
        g.MapPost("/cases/{id:long}/evaluation", EvaluateAsync).WithName("Evaluate").WithSummary("服务评价（每个案件一次）");
        g.MapGet("/cases/{id:long}/archive", GetArchiveAsync).WithName("MyCaseArchive").WithSummary("查阅本企业案件的电子档案");
        g.MapGet("/messages", ListMessagesAsync).WithName("MyMessages").WithSummary("站内消息");
        g.MapPost("/messages/{messageId:long}/read", MarkMessageReadAsync).WithName("MarkMyMessageRead").WithSummary("标记一条站内消息已读");
        g.MapPost("/messages/read-all", MarkAllMessagesReadAsync).WithName("MarkAllMyMessagesRead").WithSummary("全部站内消息标记已读");
    }

    internal static async Task<Ok<EnterpriseBinding>> BindEnterpriseAsync(BindEnterpriseRequest request, ClaimsPrincipal user, DaibanDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var code = UnifiedSocialCreditCode.Parse(request.CreditCode);
        var name = Guard.Required(request.EnterpriseName, "企业名称", 128);
        var now = clock.GetUtcNow();
        var me = await db.MiniProgramUsers.SingleAsync(u => u.Id == user.MiniProgramUserId(), ct);
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleOrDefaultAsync(e => e.CreditCode == code, ct)
                         ?? db.Enterprises.Add(new Enterprise(name, code, now)).Entity;
        var contact = enterprise.AddContact(Guard.Required(request.ContactName, "联系人姓名", 32), me.Phone, me.OpenId, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Binding(contact));
    }

    internal static async Task<Ok<List<EnterpriseBinding>>> ListEnterprisesAsync(ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await EnterpriseAccess.ContactsOfAsync(db, user.OpenId(), ct)).Select(Binding).ToList());

    internal static async Task<Results<Created<EnterpriseCaseView>, Ok<EnterpriseCaseView>>> ApplyAsync(ApplyRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user, DaibanDbContext db, CaseRegistration registration, CancellationToken ct)
    {
        var contacts = await EnterpriseAccess.ContactsOfAsync(db, user.OpenId(), ct);
        var contact = contacts.FirstOrDefault(c => c.Id == request.ContactId) ?? (request.ContactId is null && contacts.Count == 1 ? contacts[0] : null)
                      ?? throw DomainRuleException.Invalid("apply.no_enterprise", "请先绑定企业，再以该企业名义申请。");
        var project = request.Project ?? throw DomainRuleException.Invalid("case.project_required", "请填写项目基本信息。");
        var scope = new ApplicationScope(request.Mode, (request.Stages ?? []).Select(StageNames.FromNumber).ToList(), request.Items ?? [], request.Request);
        var (@case, created) = await registration.ApplyOnlineAsync(contact, project.ToFacts(), scope, idempotencyKey, ct);
        var view = EnterpriseCaseView.From(@case);
        return created ? TypedResults.Created($"/api/mp/cases/{@case.Id}", view) : TypedResults.Ok(view);
    }

    internal static async Task<Ok<List<EnterpriseCaseView>>> ListCasesAsync(ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        var contacts = await EnterpriseAccess.ContactsOfAsync(db, user.OpenId(), ct);
        var ids = await db.Cases.AsNoTracking().VisibleCases(contacts).OrderByDescending(c => c.Id).Select(c => c.Id).Take(50).ToListAsync(ct);
        var views = new List<EnterpriseCaseView>();
        foreach (var id in ids)
            views.Add(EnterpriseCaseView.From(await db.Cases.AsNoTracking().LoadAggregate(id, ct)));
        return TypedResults.Ok(views);
    }

    internal static async Task<Results<Ok<EnterpriseCaseView>, NotFound>> GetCaseAsync(long id, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct) =>
        await FindVisibleAsync(id, user, db, tracked: false, ct) is { } found ? TypedResults.Ok(EnterpriseCaseView.From(found.Case)) : TypedResults.NotFound();

    internal static Task<Results<Ok<EnterpriseCaseView>, NotFound>> DecidePlanAsync(long id, PlanDecisionRequest request, ClaimsPrincipal user, DaibanDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        ActAsync(id, user, db, ct, (c, contact) => c.DecidePlan(request.Agree, request.Comment, contact, clock.GetUtcNow()));

    internal static Task<Results<Ok<EnterpriseCaseView>, NotFound>> ConfirmReceiptAsync(long id, ReceiptRequest request, ClaimsPrincipal user, DaibanDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        ActAsync(id, user, db, ct, (c, contact) => c.ConfirmReceipt(request.SignedBy ?? contact.Name, request.SignatureReference, contact, clock.GetUtcNow()));

    internal static Task<Results<Ok<EnterpriseCaseView>, NotFound>> MailMaterialsAsync(long id, ParcelRequest request, ClaimsPrincipal user, DaibanDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        ActAsync(id, user, db, ct, (c, contact) => c.MailMaterialsIn(request.Contents ?? "", request.Carrier ?? "", request.TrackingNumber ?? "", contact, clock.GetUtcNow()));

    /// <summary>The applicant may withdraw its own application even before its binding is confirmed.</summary>
    internal static Task<Results<Ok<EnterpriseCaseView>, NotFound>> WithdrawAsync(long id, ClosingRequest request, ClaimsPrincipal user, DaibanDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        ActAsync(id, user, db, ct, (c, contact) => c.Withdraw(request.Reason ?? "", contact, clock.GetUtcNow()), applicantMay: true);

    internal static Task<Results<Ok<EnterpriseCaseView>, NotFound>> ConfirmParcelAsync(long id, long parcelId, ClaimsPrincipal user, DaibanDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        ActAsync(id, user, db, ct, (c, contact) => c.ConfirmParcelReceived(parcelId, contact, clock.GetUtcNow()));

    internal static async Task<Results<Ok<EnterpriseCaseView>, NotFound>> EvaluateAsync(long id, EvaluationRequest request, ClaimsPrincipal user, DaibanDbContext db,
        Microsoft.Extensions.Options.IOptions<Core.Reminders.ServiceRules> rules, TimeProvider clock, CancellationToken ct)
    {
        var calendar = await db.LoadBusinessCalendarAsync(ct);
        var now = clock.GetUtcNow();
        // A bad review's rectification, callback and notice commit with the evaluation, not at the next sweep.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await ActAsync(id, user, db, ct,
            (c, contact) => c.Evaluate(request.ToForm(), calendar, rules.Value.EvaluationWindowWorkingDays,
                contact, now),
            c => Core.Reminders.EvaluationFollowUp.OpenForBadReviewAsync(db, c, rules.Value, now, ct));
        await transaction.CommitAsync(ct);
        return result;
    }

    internal static async Task<Results<Ok<ArchiveResponse>, NotFound>> GetArchiveAsync(long id, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        var contacts = await EnterpriseAccess.ContactsOfAsync(db, user.OpenId(), ct);
        // Only confirmed contacts read an enterprise's archive.
        var visible = await db.Cases.AsNoTracking().VisibleCases(contacts.Where(c => c.CanActForEnterprise).ToList()).AnyAsync(c => c.Id == id, ct);
        var archive = visible ? await db.CaseArchives.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == id, ct) : null;
        return archive is null ? TypedResults.NotFound() : TypedResults.Ok(ArchiveResponse.ForEnterprise(archive));
    }

    internal static async Task<Ok<List<InAppMessage>>> ListMessagesAsync(ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        var contactIds = await ContactIdsAsync(user, db, ct);
        var rows = await InAppMessages.Latest(db, RecipientKind.EnterpriseContact, contactIds)
            .Select(n => new
            {
                n.Id, n.Title, n.CaseId, n.Destination, n.DestinationCaseId, n.CreatedAt, Read = n.ReadAt != null,
            })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(n => new InAppMessage(n.Id, n.Title, n.CaseId,
            MiniProgramPages.For(RecipientKind.EnterpriseContact, new NoticeTarget(n.Destination, n.DestinationCaseId)),
            n.CreatedAt, n.Read)).ToList());
    }

    internal static async Task<Results<NoContent, NotFound>> MarkMessageReadAsync(long messageId, ClaimsPrincipal user, DaibanDbContext db, TimeProvider clock, CancellationToken ct) =>
        await InAppMessages.MarkReadAsync(db, RecipientKind.EnterpriseContact, await ContactIdsAsync(user, db, ct), messageId, clock.GetUtcNow(), ct)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    internal static async Task<Ok<MessagesRead>> MarkAllMessagesReadAsync(ClaimsPrincipal user, DaibanDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(new MessagesRead(await InAppMessages.MarkAllReadAsync(db, RecipientKind.EnterpriseContact, await ContactIdsAsync(user, db, ct), clock.GetUtcNow(), ct)));

    private static async Task<List<long>> ContactIdsAsync(ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct) =>
        (await EnterpriseAccess.ContactsOfAsync(db, user.OpenId(), ct)).Select(c => c.Id).ToList();

    /// <param name="applicantMay">The case's own applicant may do this before its binding is confirmed.</param>
    private static async Task<Results<Ok<EnterpriseCaseView>, NotFound>> ActAsync(long id, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct,
        Func<Case, Actor, bool> act, Func<Case, Task>? after = null, bool applicantMay = false)
    {
        var found = await FindVisibleAsync(id, user, db, tracked: true, ct);
        if (found is null)
            return TypedResults.NotFound();
        var (c, contact) = found.Value;
        if (!contact.CanActForEnterprise && !(applicantMay && c.ApplicantContactId == contact.Id))
            throw new DomainRuleException("contact.not_confirmed", "您与该企业的绑定尚未确认，暂不能办理此操作，请联系综合窗口。");
        // What the action changed records its events; the save turns them into notices.
        if (act(c, Actor.Contact(contact.Id, contact.Name)) && after is not null)
            await after(c);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(EnterpriseCaseView.From(c));
    }

    /// <summary>The case if this mini-program user may see it (EnterpriseAccess), with the contact it acts as; null means 404.</summary>
    internal static async Task<(Case Case, EnterpriseContact Contact)?> FindVisibleAsync(long id, ClaimsPrincipal user, DaibanDbContext db, bool tracked, CancellationToken ct)
    {
        var contacts = await EnterpriseAccess.ContactsOfAsync(db, user.OpenId(), ct);
        var query = tracked ? db.Cases : db.Cases.AsNoTracking();
        if (!await query.VisibleCases(contacts).AnyAsync(c => c.Id == id, ct))
            return null;
        var c = await query.LoadAggregate(id, ct);
        var contact = contacts.FirstOrDefault(x => x.EnterpriseId == c.EnterpriseId && x.CanActForEnterprise)
                      ?? contacts.First(x => x.Id == c.ApplicantContactId);
        return (c, contact);
    }

    private static EnterpriseBinding Binding(EnterpriseContact c) => EnterpriseBinding.From(c);

    public static long MiniProgramUserId(this ClaimsPrincipal user) => long.Parse(user.FindFirstValue("sub")!);

    public static string OpenId(this ClaimsPrincipal user) => user.FindFirstValue(DaibanClaims.OpenId)!;
}
