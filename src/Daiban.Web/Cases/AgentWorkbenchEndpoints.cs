using System.Security.Claims;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Cases;

/// <summary>
/// The agent's work on a case (五.2–五.4): start, plan, log, materials, each item with its department, delivery.
/// Only the case's own agent (or an admin) acts; to anyone else the case does not exist. Every action is a method
/// of the case; these endpoints only load, call, queue the enterprise's notice and save.
/// </summary>
public static class AgentWorkbenchEndpoints
{
    private sealed record Context(Case Case, BusinessCalendar Calendar, Actor Agent, DateTimeOffset Now, DaibanDbContext Db, CancellationToken Ct);

    public static void MapAgentWorkbenchEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff/cases/{id:long}").WithTags("Agent workbench").RequireAuthorization(StaffPolicies.Agent);
        g.MapPost("/start", (long id, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(x.Case.Start(x.Agent, x.Now)))).WithName("StartCase").WithSummary("开始办理（包办须方案已确认）");
        g.MapPost("/plan", (long id, ProposePlanRequest r, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x =>
            {
                var steps = (r.Steps ?? []).Select(s => new PlanStep(s.Order, s.Description ?? "", s.ItemCode, s.TargetDate)).ToList();
                x.Case.ProposePlan(r.Summary ?? "", steps, x.Agent, x.Now);
                return Task.FromResult(true);
            })).WithName("ProposePlan").WithSummary("提交服务方案和代办计划，请企业确认");
        g.MapPost("/logs", (long id, LogRequest r, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(x.Case.AddWorkLog(r.Content ?? "", r.Problems, r.NextStep, r.ItemCode, r.Milestone, r.VisibleToEnterprise, x.Agent, x.Now) is not null)))
            .WithName("AddWorkLog").WithSummary("记录代办/包办日志（可标记关键节点）");
        g.MapPost("/materials-request", (long id, MaterialsRequest r, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(x.Case.RequestMaterials(r.Missing ?? [], x.Agent, x.Now))))
            .WithName("RequestMaterials").WithSummary("一次性告知企业需补充的全部材料");
        g.MapPost("/materials-received", (long id, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(x.Case.ResumeAfterMaterials(x.Agent, x.Now)))).WithName("MaterialsSupplied").WithSummary("材料已补齐，恢复办理");
        g.MapPost("/materials", (long id, ReceiveMaterialRequest r, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(x.Case.ReceiveMaterial(r.Name ?? "", r.ItemCode, r.Copies, r.IsOriginal, null, x.Agent, x.Now) is not null)))
            .WithName("ReceiveMaterial").WithSummary("登记接收的材料");
        g.MapPost("/materials/{materialId:long}/review", (long id, long materialId, ReviewMaterialRequest r, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(x.Case.ReviewMaterial(materialId, r.Result, r.Note, x.Agent, x.Now)))).WithName("ReviewMaterial").WithSummary("形式审查");
        g.MapPost("/materials/{materialId:long}/forward", (long id, long materialId, ForwardMaterialRequest r, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(x.Case.ForwardMaterial(materialId, r.DepartmentCode ?? "", x.Agent, x.Now)))).WithName("ForwardMaterial").WithSummary("转交职能部门");
        g.MapPost("/materials/{materialId:long}/return", (long id, long materialId, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(x.Case.ReturnOriginal(materialId, x.Agent, x.Now)))).WithName("ReturnOriginal").WithSummary("退还原件");
        g.MapPost("/items/{code}/{action}", (long id, string code, string action, ItemActionRequest r, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(ItemAction(x, code, action, r)))).WithName("ItemAction")
            .WithSummary("事项办理：prepare 准备、submit 报送受理、supplement 部门要求补正、approve 批准、refuse 不予批准、pause 暂停计时、resume 恢复计时");
        g.MapPost("/results-ready", (long id, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(x.Case.MarkResultsReady(x.Agent, x.Now))))
            .WithName("ResultsReady").WithSummary("全部事项办结，待统一送达");
        g.MapPost("/delivery/in-person", (long id, InPersonDeliveryRequest r, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(x.Case.DeliverInPerson(r.Documents ?? "", r.SignedBy ?? "", r.SignatureReference, x.Agent, x.Now))))
            .WithName("DeliverInPerson").WithSummary("当面送达，委托人在办结单上签字");
        g.MapPost("/delivery/mail", (long id, MailDeliveryRequest r, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(
                x.Case.MailResults(r.Documents ?? "", r.Carrier ?? "", r.TrackingNumber ?? "", x.Agent, x.Now))))
            .WithName("MailResults").WithSummary("邮寄送达，待企业确认签收");
        g.MapPost("/parcels", (long id, ParcelRequest r, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(
                x.Case.MailPapersBack(r.Contents ?? "", r.Carrier ?? "", r.TrackingNumber ?? "", x.Agent, x.Now))))
            .WithName("MailPapersBack").WithSummary("免费寄回企业的材料（如原件），待企业确认签收");
        g.MapPost("/parcels/{parcelId:long}/received", (long id, long parcelId, ClaimsPrincipal u, DaibanDbContext db, TimeProvider t, CancellationToken ct) =>
            ActAsync(id, u, db, t, ct, x => Task.FromResult(x.Case.ConfirmParcelReceived(parcelId, x.Agent, x.Now))))
            .WithName("ConfirmParcelArrived").WithSummary("确认收到企业免费寄来的材料");

        // What the case's agent wrote, the window and supervision read too (督办, callbacks): reads follow MaySeeCase.
        var reads = app.MapGroup("/api/staff/cases/{id:long}").WithTags("Agent workbench").RequireAuthorization(StaffPolicies.AnyStaff);
        reads.MapGet("/parcels", GetParcelsAsync).WithName("GetCaseParcels").WithSummary("双向免费邮寄记录（企业寄来的材料、寄回企业的材料）");
        reads.MapGet("/log", GetLogAsync).WithName("GetCaseLog").WithSummary("代办/包办日志");
        reads.MapGet("/materials", GetMaterialsAsync).WithName("GetCaseMaterials").WithSummary("材料登记簿");
        reads.MapGet("/checklist", GetChecklistAsync).WithName("GetMaterialChecklist").WithSummary("形式审查清单：按事项列出目录要求的材料、是否已收、审查结果及缺少的核心材料");
    }

    private static bool ItemAction(Context x, string code, string action, ItemActionRequest r)
    {
        var on = r.On ?? ChinaTime.DateOf(x.Now);
        return action switch
        {
            "prepare" => x.Case.PrepareItem(code, x.Agent, x.Now),
            "submit" => x.Case.SubmitItem(code, on, r.Reference, x.Calendar, x.Agent, x.Now),
            "supplement" => x.Case.RequestItemSupplement(code, r.Note ?? "", on, x.Calendar, x.Agent, x.Now),
            "approve" => x.Case.ApproveItem(code, r.ResultDocumentNo ?? "", r.Note, x.Agent, x.Now),
            "refuse" => x.Case.RefuseItem(code, r.Note ?? "", x.Agent, x.Now),
            "pause" => x.Case.PauseItemClock(code, r.Reason ?? throw DomainRuleException.Invalid("case_item.pause_reason", "请选择暂停计时的法定事由。"), r.Note, on, x.Calendar, x.Agent, x.Now),
            "resume" => x.Case.ResumeItemClock(code, on, x.Calendar, x.Agent, x.Now),
            _ => throw DomainRuleException.Invalid("case_item.action_unknown", "不支持该事项操作；可用的操作为准备、报送、补正、批准、不予批准、暂停计时和恢复计时。"),
        };
    }

    private static async Task<Results<Ok<CaseResponse>, NotFound>> ActAsync(long id, ClaimsPrincipal user, DaibanDbContext db, TimeProvider clock,
        CancellationToken ct, Func<Context, Task<bool>> act)
    {
        var c = await db.Cases.FindAggregateAsync(id, ct);
        if (c is null || !user.WorksCase(c.AgentId))
            return TypedResults.NotFound();
        var calendar = await db.LoadBusinessCalendarAsync(ct);
        await act(new Context(c, calendar, user.StaffActor(), clock.GetUtcNow(), db, ct));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CaseResponse.From(c));
    }

    internal static async Task<Results<Ok<List<LogEntryResponse>>, NotFound>> GetLogAsync(long id, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Log).SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null || !user.MaySeeCase(c.AgentId)
            ? TypedResults.NotFound()
            : TypedResults.Ok(c.Log.OrderBy(l => l.At).ThenBy(l => l.Id)
                .Select(l => new LogEntryResponse(l.At, l.Kind.ToString(), l.ActorName, l.ItemCode, l.Content, l.Problems, l.NextStep, l.VisibleToEnterprise)).ToList());
    }

    internal static async Task<Results<Ok<IReadOnlyList<ItemChecklist>>, NotFound>> GetChecklistAsync(long id, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Items).Include(x => x.Materials).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !user.MaySeeCase(c.AgentId))
            return TypedResults.NotFound();
        var codes = c.Items.Select(i => i.ItemCode).ToList();
        var catalog = await db.ApprovalItems.AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, ct);
        return TypedResults.Ok(MaterialChecklist.For(c, catalog));
    }

    internal static async Task<Results<Ok<List<ParcelResponse>>, NotFound>> GetParcelsAsync(long id, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Parcels).SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null || !user.MaySeeCase(c.AgentId) ? TypedResults.NotFound() : TypedResults.Ok(ParcelResponse.ListOf(c));
    }

    internal static async Task<Results<Ok<List<MaterialResponse>>, NotFound>> GetMaterialsAsync(long id, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Materials).SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null || !user.MaySeeCase(c.AgentId)
            ? TypedResults.NotFound()
            : TypedResults.Ok(c.Materials.OrderBy(m => m.Id).Select(m => new MaterialResponse(m.Id, m.Name, m.ItemCode, m.Copies, m.IsOriginal, m.Review, m.ReviewNote,
                m.ForwardedToDepartment, m.OriginalReturnedAt)).ToList());
    }
}
