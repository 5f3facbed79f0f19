using System.Security.Claims;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.WeChat.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.WeChat.MiniProgram;

public sealed record ContactView(long Id, string Name, string? Phone, string Status, string StatusName, bool IsMe);

/// <summary>
/// An enterprise's contacts as its confirmed contacts see them: a later colleague who bound the enterprise waits
/// until one of them (or the window) confirms it. Nobody else learns who the contacts are (404).
/// </summary>
public static class EnterpriseContactEndpoints
{
    public static void MapEnterpriseContactEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/mp/enterprises/{enterpriseId:long}/contacts").WithTags("Mini-program").RequireAuthorization(DaibanClaims.MiniProgramPolicy);
        g.MapGet("/", ListAsync).WithName("EnterpriseContacts").WithSummary("本企业的联系人（仅已确认的联系人可见）");
        g.MapPost("/{contactId:long}/confirm", (long enterpriseId, long contactId, ClaimsPrincipal user, DaibanDbContext db, TimeProvider clock, CancellationToken ct) =>
                ChangeAsync(enterpriseId, contactId, user, db, ct, (me, other) => other.ConfirmByColleague(me, clock.GetUtcNow())))
            .WithName("ConfirmContact").WithSummary("确认同事为本企业联系人");
        g.MapPost("/{contactId:long}/revoke", (long enterpriseId, long contactId, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct) =>
                ChangeAsync(enterpriseId, contactId, user, db, ct, (me, other) => other.RevokeByColleague(me)))
            .WithName("RevokeContact").WithSummary("取消某联系人代表本企业办理的权限");
    }

    internal static async Task<Results<Ok<List<ContactView>>, NotFound>> ListAsync(long enterpriseId, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        if (await ConfirmedMeAsync(enterpriseId, user, db, ct) is not { } me)
            return TypedResults.NotFound();
        var contacts = await db.EnterpriseContacts.AsNoTracking().Where(c => c.EnterpriseId == enterpriseId).OrderBy(c => c.Id).ToListAsync(ct);
        return TypedResults.Ok(contacts.Select(c => View(c, me.Id)).ToList());
    }

    private static async Task<Results<Ok<ContactView>, NotFound>> ChangeAsync(long enterpriseId, long contactId, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct,
        Action<EnterpriseContact, EnterpriseContact> change)
    {
        if (await ConfirmedMeAsync(enterpriseId, user, db, ct) is not { } me)
            return TypedResults.NotFound();
        var other = await db.EnterpriseContacts.SingleOrDefaultAsync(c => c.Id == contactId && c.EnterpriseId == enterpriseId, ct);
        if (other is null)
            return TypedResults.NotFound();
        change(me, other);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(other, me.Id));
    }

    /// <summary>This user's contact for the enterprise, only if confirmed: a pending one may not see its colleagues.</summary>
    private static async Task<EnterpriseContact?> ConfirmedMeAsync(long enterpriseId, ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct) =>
        (await EnterpriseAccess.ContactsOfAsync(db, user.OpenId(), ct)).FirstOrDefault(c => c.EnterpriseId == enterpriseId && c.CanActForEnterprise);

    private static ContactView View(EnterpriseContact c, long me) => new(c.Id, c.Name, PersonalData.MaskPhone(c.Phone), c.Status.ToString(),
        c.Status switch { ContactStatus.Confirmed => "已确认", ContactStatus.Pending => "待确认", _ => "已取消" }, c.Id == me);
}
