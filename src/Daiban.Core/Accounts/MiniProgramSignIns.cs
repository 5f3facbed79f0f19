using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Accounts;

/// <summary>A mini-program sign-in: the user's row, created on the first one, records each sign-in.</summary>
public static class MiniProgramSignIns
{
    /// <summary>
    /// Creates or updates the user of <paramref name="openId"/> and saves. Two first sign-ins of one user race to
    /// create the row; the one that loses updates the row the other created.
    /// </summary>
    public static async Task<MiniProgramUser> RecordAsync(DaibanDbContext db, string openId, string? unionId,
        string sessionKeyCipher, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var user = await db.MiniProgramUsers.SingleOrDefaultAsync(u => u.OpenId == openId, ct);
            if (user is null)
            {
                user = new MiniProgramUser(openId, unionId, now);
                db.MiniProgramUsers.Add(user);
            }
            user.RecordLogin(sessionKeyCipher, unionId, now);
            try
            {
                await db.SaveChangesAsync(ct);
                return user;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
