using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Cases;

/// <summary>A material in the case's register as the enterprise sees it: its 形式审查, and why it came back.</summary>
public sealed record UploadedMaterial(long Id, string Name, string? ItemCode, DateTimeOffset ReceivedAt, string Review,
    string ReviewName, string? ReviewNote, bool Uploaded)
{
    public static UploadedMaterial From(MaterialRecord m) =>
        new(m.Id, m.Name, m.ItemCode, m.ReceivedAt, m.Review.ToString(), m.Review.Name(), m.ReviewNote,
            m.FileReference is not null);
}

/// <summary>
/// The enterprise supplies materials from the mini-program (multipart upload); they enter the case's materials
/// register for the agent's 形式审查 and the agent is told. A file is served only to the case's own enterprise
/// contacts and to the staff who may see the case — to everyone else it does not exist (404).
/// </summary>
public static class MaterialUploadEndpoints
{
    public static void MapMaterialUploadEndpoints(this IEndpointRouteBuilder app)
    {
        var mp = app.MapGroup("/api/mp/cases/{id:long}/materials").WithTags("Mini-program")
            .RequireAuthorization(DaibanClaims.MiniProgramPolicy);
        mp.MapPost("/", UploadAsync).DisableAntiforgery().WithName("UploadMaterial")
            .WithSummary("上传补充材料（PDF/JPG/PNG/docx/xlsx，单个文件不超过10MB）");
        mp.MapGet("/", ListAsync).WithName("MyCaseMaterials").WithSummary("本案件已提交的材料");
        mp.MapGet("/{materialId:long}/file", EnterpriseFileAsync)
            .WithName("MyMaterialFile").WithSummary("下载本企业上传的材料文件");
        app.MapGet("/api/staff/cases/{id:long}/materials/{materialId:long}/file", StaffFileAsync)
            .WithTags("Agent workbench").RequireAuthorization(StaffPolicies.AnyStaff)
            .WithName("StaffMaterialFile").WithSummary("查看企业上传的材料文件");
    }

    internal static async Task<Results<Created<UploadedMaterial>, Ok<UploadedMaterial>, NotFound, ProblemHttpResult>>
        UploadAsync(long id, IFormFile? file, [FromForm] string? name, [FromForm] string? itemCode,
            MaterialFiles files, Quotas quotas, HttpContext http, [AsParameters] RequestContext x)
    {
        var (c, contact) = await VisibleCaseAsync(id, x) is { } found ? found : default;
        if (c is null)
            return TypedResults.NotFound();
        if (!contact!.CanActForEnterprise)
            throw new DomainRuleException("contact.not_confirmed",
                "您与该企业的绑定尚未确认，暂不能提交材料，请联系综合窗口。");
        if (file is null)
            throw DomainRuleException.Invalid("upload.missing", "请选择要上传的文件。");
        var title = Guard.Required(name ?? Path.GetFileNameWithoutExtension(file.FileName), "材料名称", 128);
        var upload = await files.ReadAsync(c.Id, file, x.Cancellation);
        var reference = upload.Reference;
        // The same file again (a retry, a double tap) is the same material: answer with the one already registered.
        if (c.Materials.FirstOrDefault(m => m.FileReference == reference) is { } existing)
            return TypedResults.Ok(UploadedMaterial.From(existing));
        // Counted before anything is written, and only for a file that is new to the case.
        if (await quotas.TakeUploadAsync(http, x.User.OpenId(), contact.EnterpriseId, upload.Bytes.Length)
            is { } refused)
            return refused;
        await files.StoreAsync(upload, x.Cancellation);
        var item = string.IsNullOrWhiteSpace(itemCode) ? null : itemCode.Trim();
        return await WriteConflicts.RetryAsync<Results<Created<UploadedMaterial>, Ok<UploadedMaterial>, NotFound,
            ProblemHttpResult>>(async attempt =>
        {
            if (attempt > 1)
            {
                // Another upload to this case (several files chosen at once) saved first: read the case again and
                // register this file on it; the same file in a double tap is the material that won.
                x.Db.ChangeTracker.Clear();
                if (await VisibleCaseAsync(id, x) is not { } again)
                    return TypedResults.NotFound();
                c = again.Case;
                if (c.Materials.FirstOrDefault(m => m.FileReference == reference) is { } same)
                    return TypedResults.Ok(UploadedMaterial.From(same));
            }
            var material = c.ReceiveMaterial(title, item, 1, false, reference,
                Actor.Contact(contact.Id, contact.Name), x.Now);
            await x.Db.SaveChangesAsync(x.Cancellation);
            return TypedResults.Created($"/api/mp/cases/{c.Id}/materials/{material.Id}/file",
                UploadedMaterial.From(material));
        }, ConcurrentUploadAttempts, pauseSpreadMs: 8, x.Cancellation);
    }

    // Files chosen together arrive together (WeChat lets a user pick up to 9, and a few users may share a case).
    private const int ConcurrentUploadAttempts = 12;

    internal static async Task<Results<Ok<List<UploadedMaterial>>, NotFound>> ListAsync(long id,
        [AsParameters] RequestContext x) =>
        await VisibleCaseAsync(id, x) is { } found
            ? TypedResults.Ok(found.Case.Materials.OrderBy(m => m.Id).Select(UploadedMaterial.From).ToList())
            : TypedResults.NotFound();

    internal static async Task<Results<PhysicalFileHttpResult, NotFound>> EnterpriseFileAsync(long id,
        long materialId, MaterialFiles files, [AsParameters] RequestContext x) =>
        await VisibleCaseAsync(id, x) is { } found ? Serve(found.Case, materialId, files) : TypedResults.NotFound();

    internal static async Task<Results<PhysicalFileHttpResult, NotFound>> StaffFileAsync(long id, long materialId,
        MaterialFiles files, [AsParameters] RequestContext x)
    {
        var c = await x.Db.Cases.AsNoTracking().Include(k => k.Materials)
            .SingleOrDefaultAsync(k => k.Id == id, x.Cancellation);
        return c is null || !x.User.MaySeeCase(c.AgentId) ? TypedResults.NotFound() : Serve(c, materialId, files);
    }

    private static Results<PhysicalFileHttpResult, NotFound> Serve(Case c, long materialId, MaterialFiles files)
    {
        var material = c.Materials.FirstOrDefault(m => m.Id == materialId);
        if (files.Find(material?.FileReference) is not { } stored)
            return TypedResults.NotFound();
        // Always a download, never rendered inline in our origin.
        return TypedResults.PhysicalFile(stored.Path, stored.ContentType,
            $"{material!.Name}{Path.GetExtension(stored.Path)}");
    }

    private static Task<(Case Case, EnterpriseContact Contact)?> VisibleCaseAsync(long id, RequestContext x) =>
        CaseActions.FindVisibleAsync(x, id, tracked: true);

}
