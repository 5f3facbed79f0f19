using Daiban.Core.Calendar;
using Daiban.Core.Catalog;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Staff;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Cases;

/// <summary>
/// The agent's work on a case (五.2–五.4): start, plan, log, materials, each item with its department, delivery.
/// Only the case's own agent (or an admin) acts; to anyone else the case does not exist. Every action is a method
/// of the case; these endpoints only load, call, queue the enterprise's notice and save (<see cref="CaseActions"/>).
/// </summary>
public static class AgentWorkbenchEndpoints
{
    public static void MapAgentWorkbenchEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff/cases/{id:long}").WithTags("Agent workbench")
            .RequireAuthorization(StaffPolicies.Agent);
        g.MapPost("/scope", SettleScopeAsync).WithName("SettleScope")
            .WithSummary("与企业确定办理事项（企业申请时选择“不清楚，由代办员帮我确定”）");
        g.MapPost("/start", StartAsync).WithName("StartCase").WithSummary("开始办理（包办须方案已确认）");
        g.MapPost("/plan", ProposePlanAsync).WithName("ProposePlan").WithSummary("提交服务方案和代办计划，请企业确认");
        g.MapPost("/logs", AddWorkLogAsync).WithName("AddWorkLog").WithSummary("记录代办/包办日志（可标记关键节点）");
        g.MapPost("/materials-request", RequestMaterialsAsync)
            .WithName("RequestMaterials").WithSummary("一次性告知企业需补充的全部材料");
        g.MapPost("/materials-received", MaterialsSuppliedAsync)
            .WithName("MaterialsSupplied").WithSummary("材料已补齐，恢复办理");
        g.MapPost("/materials", ReceiveMaterialAsync).WithName("ReceiveMaterial").WithSummary("登记接收的材料");
        g.MapPost("/materials/{materialId:long}/review", ReviewMaterialAsync)
            .WithName("ReviewMaterial").WithSummary("形式审查");
        g.MapPost("/materials/{materialId:long}/forward", ForwardMaterialAsync)
            .WithName("ForwardMaterial").WithSummary("转交职能部门");
        g.MapPost("/materials/{materialId:long}/return", ReturnOriginalAsync)
            .WithName("ReturnOriginal").WithSummary("退还原件");
        g.MapPost("/items/{code}/{action}", ItemActionAsync).WithName("ItemAction")
            .WithSummary("事项办理：prepare 准备、submit 报送受理、supplement 部门要求补正、approve 批准、"
                         + "refuse 不予批准、pause 暂停计时、resume 恢复计时");
        g.MapPost("/results-ready", ResultsReadyAsync).WithName("ResultsReady").WithSummary("全部事项办结，待统一送达");
        g.MapPost("/delivery/in-person", DeliverInPersonAsync)
            .WithName("DeliverInPerson").WithSummary("当面送达，委托人在办结单上签字");
        g.MapPost("/delivery/mail", MailResultsAsync).WithName("MailResults").WithSummary("邮寄送达，待企业确认签收");
        g.MapPost("/parcels", MailPapersBackAsync)
            .WithName("MailPapersBack").WithSummary("免费寄回企业的材料（如原件），待企业确认签收");
        g.MapPost("/parcels/{parcelId:long}/received", ConfirmParcelArrivedAsync)
            .WithName("ConfirmParcelArrived").WithSummary("确认收到企业免费寄来的材料");

        // What the case's agent wrote, the window and supervision read too (督办, callbacks): reads follow MaySeeCase.
        var reads = app.MapGroup("/api/staff/cases/{id:long}").WithTags("Agent workbench")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        reads.MapGet("/parcels", GetParcelsAsync)
            .WithName("GetCaseParcels").WithSummary("双向免费邮寄记录（企业寄来的材料、寄回企业的材料）");
        reads.MapGet("/log", GetLogAsync).WithName("GetCaseLog").WithSummary("代办/包办日志");
        reads.MapGet("/materials", GetMaterialsAsync).WithName("GetCaseMaterials").WithSummary("材料登记簿");
        reads.MapGet("/checklist", GetChecklistAsync).WithName("GetMaterialChecklist")
            .WithSummary("形式审查清单：按事项列出目录要求的材料、是否已收、审查结果及缺少的核心材料");
    }

    internal static Task<Results<Ok<CaseResponse>, NotFound>> SettleScopeAsync(long id, SettleScopeRequest r,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, async a =>
        {
            var category = await x.Db.Projects.Where(p => p.Id == a.Case.ProjectId).Select(p => p.Category)
                .SingleAsync(x.Cancellation);
            var catalog = await x.Db.ApprovalItems.ToListAsync(x.Cancellation);
            var items = ScopeResolver.Resolve(catalog, category, (r.Stages ?? []).Select(StageNames.FromNumber),
                r.Items ?? []);
            a.Case.SettleScope(items, a.Actor, x.Now);
        });

    internal static Task<Results<Ok<CaseResponse>, NotFound>> StartAsync(long id, [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, a => a.Case.Start(a.Actor, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> ProposePlanAsync(long id, ProposePlanRequest r,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, a =>
        {
            // A JSON list may hold nulls; a step that is not there is refused like an empty one.
            var steps = (r.Steps ?? []).Select(s => s is null
                ? throw DomainRuleException.Invalid("plan.step_missing", "方案中有空的步骤，请填写或删除该步骤。")
                : new PlanStep(s.Order, s.Description ?? "", s.ItemCode, s.TargetDate)).ToList();
            a.Case.ProposePlan(r.Summary ?? "", steps, a.Actor, x.Now);
        });

    internal static Task<Results<Ok<CaseResponse>, NotFound>> AddWorkLogAsync(long id, LogRequest r,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, a => a.Case.AddWorkLog(r.Content ?? "", r.Problems, r.NextStep, r.ItemCode,
            r.Milestone, r.VisibleToEnterprise, a.Actor, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> RequestMaterialsAsync(long id, MaterialsRequest r,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, a => a.Case.RequestMaterials(r.Missing ?? [], a.Actor, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> MaterialsSuppliedAsync(long id,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, a => a.Case.ResumeAfterMaterials(a.Actor, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> ReceiveMaterialAsync(long id, ReceiveMaterialRequest r,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent,
            a => a.Case.ReceiveMaterial(r.Name ?? "", r.ItemCode, r.Copies, r.IsOriginal, null, a.Actor, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> ReviewMaterialAsync(long id, long materialId,
        ReviewMaterialRequest r, [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, a => a.Case.ReviewMaterial(materialId, r.Result, r.Note, a.Actor, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> ForwardMaterialAsync(long id, long materialId,
        ForwardMaterialRequest r, [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent,
            a => a.Case.ForwardMaterial(materialId, r.DepartmentCode ?? "", a.Actor, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> ReturnOriginalAsync(long id, long materialId,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, a => a.Case.ReturnOriginal(materialId, a.Actor, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> ItemActionAsync(long id, string code, string action,
        ItemActionRequest r, [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, async a =>
            ItemAction(a, await x.Db.LoadBusinessCalendarAsync(x.Cancellation), code, action, r, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> ResultsReadyAsync(long id,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, a => a.Case.MarkResultsReady(a.Actor, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> DeliverInPersonAsync(long id,
        InPersonDeliveryRequest r, [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, a => a.Case.DeliverInPerson(r.Documents ?? "", r.SignedBy ?? "",
            r.SignatureReference, a.Actor, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> MailResultsAsync(long id, MailDeliveryRequest r,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, a => a.Case.MailResults(r.Documents ?? "", r.Carrier ?? "",
            r.TrackingNumber ?? "", a.Actor, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> MailPapersBackAsync(long id, ParcelRequest r,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, a => a.Case.MailPapersBack(r.Contents ?? "", r.Carrier ?? "",
            r.TrackingNumber ?? "", a.Actor, x.Now));

    internal static Task<Results<Ok<CaseResponse>, NotFound>> ConfirmParcelArrivedAsync(long id, long parcelId,
        [AsParameters] RequestContext x) =>
        x.ActAsync(id, CaseActions.Agent, a => a.Case.ConfirmParcelReceived(parcelId, a.Actor, x.Now));

    private static bool ItemAction(CaseActor a, BusinessCalendar calendar, string code, string action,
        ItemActionRequest r, DateTimeOffset now)
    {
        var (c, agent) = a;
        var on = r.On ?? ChinaTime.DateOf(now);
        return action switch
        {
            "prepare" => c.PrepareItem(code, agent, now),
            "submit" => c.SubmitItem(code, on, r.Reference, calendar, agent, now),
            "supplement" => c.RequestItemSupplement(code, r.Note ?? "", on, calendar, agent, now),
            "approve" => c.ApproveItem(code, r.ResultDocumentNo ?? "", r.Note, agent, now),
            "refuse" => c.RefuseItem(code, r.Note ?? "", agent, now),
            "pause" => c.PauseItemClock(code, r.Reason ?? throw DomainRuleException.Invalid(
                "case_item.pause_reason", "请选择暂停计时的法定事由。"), r.Note, on, calendar, agent, now),
            "resume" => c.ResumeItemClock(code, on, calendar, agent, now),
            _ => throw DomainRuleException.Invalid("case_item.action_unknown",
                "不支持该事项操作；可用的操作为准备、报送、补正、批准、不予批准、暂停计时和恢复计时。"),
        };
    }

    internal static async Task<Results<Ok<List<LogEntryResponse>>, NotFound>> GetLogAsync(long id,
        [AsParameters] RequestContext x)
    {
        var c = await x.Db.Cases.AsNoTracking().Include(k => k.Log)
            .SingleOrDefaultAsync(k => k.Id == id, x.Cancellation);
        return c is null || !x.User.MaySeeCase(c.AgentId)
            ? TypedResults.NotFound()
            : TypedResults.Ok(c.Log.OrderBy(l => l.At).ThenBy(l => l.Id)
                .Select(l => new LogEntryResponse(l.At, l.Kind.ToString(), l.ActorName, l.ItemCode, l.Content,
                    l.Problems, l.NextStep, l.VisibleToEnterprise)).ToList());
    }

    internal static async Task<Results<Ok<IReadOnlyList<ItemChecklist>>, NotFound>> GetChecklistAsync(long id,
        [AsParameters] RequestContext x)
    {
        var c = await x.Db.Cases.AsNoTracking().Include(k => k.Items).Include(k => k.Materials).AsSplitQuery()
            .SingleOrDefaultAsync(k => k.Id == id, x.Cancellation);
        if (c is null || !x.User.MaySeeCase(c.AgentId))
            return TypedResults.NotFound();
        var codes = c.Items.Select(i => i.ItemCode).ToList();
        var catalog = await x.Db.ApprovalItems.AsNoTracking().Where(i => codes.Contains(i.Code))
            .ToDictionaryAsync(i => i.Code, x.Cancellation);
        return TypedResults.Ok(MaterialChecklist.For(c, catalog));
    }

    internal static async Task<Results<Ok<List<ParcelResponse>>, NotFound>> GetParcelsAsync(long id,
        [AsParameters] RequestContext x)
    {
        var c = await x.Db.Cases.AsNoTracking().Include(k => k.Parcels)
            .SingleOrDefaultAsync(k => k.Id == id, x.Cancellation);
        return c is null || !x.User.MaySeeCase(c.AgentId)
            ? TypedResults.NotFound()
            : TypedResults.Ok(ParcelResponse.ListOf(c));
    }

    internal static async Task<Results<Ok<List<MaterialResponse>>, NotFound>> GetMaterialsAsync(long id,
        [AsParameters] RequestContext x)
    {
        var c = await x.Db.Cases.AsNoTracking().Include(k => k.Materials)
            .SingleOrDefaultAsync(k => k.Id == id, x.Cancellation);
        return c is null || !x.User.MaySeeCase(c.AgentId)
            ? TypedResults.NotFound()
            : TypedResults.Ok(c.Materials.OrderBy(m => m.Id).Select(m => new MaterialResponse(m.Id, m.Name,
                m.ItemCode, m.Copies, m.IsOriginal, m.Review, m.ReviewNote, m.ForwardedToDepartment,
                m.OriginalReturnedAt)).ToList());
    }
}
