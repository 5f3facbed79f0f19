using Daiban.Core.Cases;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Enterprises;

/// <summary>
/// What a mini-program user may see: the cases of enterprises it is a confirmed contact of, and the applications
/// it submitted itself (before the window confirmed it). Knowing a credit code grants nothing.
/// </summary>
public static class EnterpriseAccess
{
    public static async Task<IReadOnlyList<EnterpriseContact>> ContactsOfAsync(DaibanDbContext db, string openId, CancellationToken ct) =>
        await db.EnterpriseContacts.Include(c => c.Enterprise).Where(c => c.MiniProgramOpenId == openId && c.Status != ContactStatus.Revoked).ToListAsync(ct);

    public static IQueryable<Case> VisibleCases(this IQueryable<Case> cases, IReadOnlyList<EnterpriseContact> contacts)
    {
        var enterprises = contacts.Where(c => c.CanActForEnterprise).Select(c => c.EnterpriseId).ToList();
        var ownContacts = contacts.Select(c => c.Id).ToList();
        return cases.Where(c => enterprises.Contains(c.EnterpriseId) || (c.ApplicantContactId != null && ownContacts.Contains(c.ApplicantContactId.Value)));
    }
}
