using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Web.Cases;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Enterprises;

public sealed record ContactView(long Id, string Name, string? Phone, string Status, string StatusName, bool IsMe);

/// <summary>
/// An enterprise's contacts as its confirmed contacts see them: a later colleague who bound the enterprise waits
/// until one of them (or the window) confirms it. Nobody else learns who the contacts are (404). A colleague may
/// revoke pending contacts and those confirmed after itself; one confirmed earlier only the window can revoke.
/// A pending person uploads its 授权委托书 here for the window to check.
/// </summary>
public static class EnterpriseContactEndpoints
{
    public static void MapEnterpriseContactEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/mp/enterprises/{enterpriseId:long}/contacts").WithTags("Mini-program")
            .RequireAuthorization(DaibanClaims.MiniProgramPolicy);
        g.MapGet("/", ListAsync).WithName("EnterpriseContacts").WithSummary("本企业的联系人（仅已确认的联系人可见）");
        g.MapPost("/{contactId:long}/confirm", ConfirmAsync).WithName("ConfirmContact").WithSummary("确认同事为本企业联系人");
        g.MapPost("/{contactId:long}/revoke", RevokeAsync).WithName("RevokeContact")
            .WithSummary("取消比自己后确认或待确认的联系人的权限（更早确认的须由综合窗口取消）");
        app.MapPost("/api/mp/contacts/{contactId:long}/authorization-letter",
            UploadLetterAsync).DisableAntiforgery().WithTags("Mini-program")
            .RequireAuthorization(DaibanClaims.MiniProgramPolicy).WithName("UploadAuthorizationLetter")
            .WithSummary("待确认的联系人上传授权委托书（PDF/JPG/PNG/docx，供综合窗口核验）");
    }

    internal static async Task<Results<Ok<List<ContactView>>, NotFound>> ListAsync(long enterpriseId,
        [AsParameters] RequestContext x)
    {
        if (await ConfirmedMeAsync(enterpriseId, x) is not { } me)
            return TypedResults.NotFound();
        var contacts = await x.Db.EnterpriseContacts.AsNoTracking().Where(c => c.EnterpriseId == enterpriseId)
            .OrderBy(c => c.Id).ToListAsync(x.Cancellation);
        return TypedResults.Ok(contacts.Select(c => View(c, me.Id)).ToList());
    }

    internal static Task<Results<Ok<ContactView>, NotFound>> ConfirmAsync(long enterpriseId, long contactId,
        [AsParameters] RequestContext x) =>
        ChangeAsync(enterpriseId, contactId, x,
            (me, other) => ContactConfirmation.ConfirmByColleagueAsync(x.Db, other, me, x.Now, x.Cancellation));

    internal static Task<Results<Ok<ContactView>, NotFound>> RevokeAsync(long enterpriseId, long contactId,
        [AsParameters] RequestContext x) =>
        ChangeAsync(enterpriseId, contactId, x,
            (me, other) => ContactConfirmation.RevokeByColleagueAsync(x.Db, other, me, x.Now, x.Cancellation));

    /// <summary>
    /// Only the person's own binding, only while it waits: the file is for the window, never shown to others.
    /// </summary>
    internal static async Task<Results<Ok<EnterpriseBinding>, NotFound>> UploadLetterAsync(long contactId,
        IFormFile? file, MaterialFiles files, [AsParameters] RequestContext x)
    {
        var openId = x.User.OpenId();
        var contact = await x.Db.EnterpriseContacts.Include(c => c.Enterprise)
            .SingleOrDefaultAsync(c => c.Id == contactId && c.MiniProgramOpenId == openId, x.Cancellation);
        if (contact is null)
            return TypedResults.NotFound();
        if (file is null)
            throw DomainRuleException.Invalid("upload.missing", "请选择要上传的授权委托书文件。");
        if (contact.Status is not (ContactStatus.Pending or ContactStatus.Refused))
            throw new DomainRuleException("contact.letter_not_needed", "您的绑定已处理，无需再上传授权委托书。");
        contact.AttachAuthorizationLetter(await files.SaveContactLetterAsync(contact.Id, file, x.Cancellation), x.Now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(EnterpriseBinding.From(contact));
    }

    private static async Task<Results<Ok<ContactView>, NotFound>> ChangeAsync(long enterpriseId, long contactId,
        RequestContext x, Func<EnterpriseContact, EnterpriseContact, Task> change)
    {
        if (await ConfirmedMeAsync(enterpriseId, x) is not { } me)
            return TypedResults.NotFound();
        var other = await x.Db.EnterpriseContacts.Include(c => c.Enterprise)
            .SingleOrDefaultAsync(c => c.Id == contactId && c.EnterpriseId == enterpriseId, x.Cancellation);
        if (other is null)
            return TypedResults.NotFound();
        await change(me, other);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(View(other, me.Id));
    }

    /// <summary>
    /// This user's contact for the enterprise, only if confirmed: a pending one may not see its colleagues.
    /// </summary>
    private static async Task<EnterpriseContact?> ConfirmedMeAsync(long enterpriseId, RequestContext x) =>
        (await EnterpriseAccess.ContactsOfAsync(x.Db, x.User.OpenId(), x.Cancellation))
        .FirstOrDefault(c => c.EnterpriseId == enterpriseId && c.CanActForEnterprise);

    private static ContactView View(EnterpriseContact c, long me) =>
        new(c.Id, c.Name, PersonalData.MaskPhone(c.Phone), c.Status.ToString(), c.Status.Name(), c.Id == me);
}
