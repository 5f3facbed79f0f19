using System.Security.Cryptography;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Daiban.Core.Staff;

public enum BindingRedemption
{
    Bound,
    /// <summary>Unknown, expired, already used or replaced by a newer code.</summary>
    Invalid,
    /// <summary>Too many attempts from this WeChat user, or from everyone together: nothing was looked up.</summary>
    TooManyAttempts,
}

/// <summary>
/// One-time codes that tie a staff account to a WeChat identity: eight digits, ten minutes, usable once, only the newest
/// of a staff member alive, kept in the shared store so any instance can redeem them. Guessing is capped for the whole
/// cluster before any code is looked up: <see cref="AttemptsPerUser"/> per WeChat identity and
/// <see cref="AttemptsInAll"/> from everyone together per window, so with at most one live code per staff member a
/// guess succeeds with odds of about (live codes × 60) in 10⁸ per ten minutes, however many WeChat accounts guess.
/// </summary>
public sealed class StaffBindingCodes(ISharedStore store, UsageLimits limits, TimeProvider clock, ILogger<StaffBindingCodes> logger)
{
    public const int Digits = 8;
    public const int AttemptsPerUser = 5;
    public const int AttemptsInAll = 60;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly UsageLimit PerUser = new("binding-user", AttemptsPerUser, TimeSpan.FromMinutes(15));
    private static readonly UsageLimit InAll = new("binding-all", AttemptsInAll, Lifetime);

    public async Task<(string Code, DateTimeOffset ExpiresAt)> IssueAsync(long staffId)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8");
            if (!await store.SetIfAbsentAsync(CodeKey(code), staffId.ToString(), Lifetime))
                continue;
            // Only the newest code of a member works: an older one shown on another screen is void.
            if (await store.GetAsync(LatestKey(staffId)) is { } previous && previous != code)
                await store.DeleteIfEqualsAsync(CodeKey(previous), staffId.ToString());
            await store.SetAsync(LatestKey(staffId), code, Lifetime);
            return (code, clock.GetUtcNow() + Lifetime);
        }
        throw new InvalidOperationException("Could not find a free binding code.");
    }

    /// <summary>
    /// Consumes the code for <paramref name="redeemer"/> (e.g. "mp:openid"); the staff id is set only when bound.
    /// Every attempt counts, right or wrong, before the code is looked up.
    /// </summary>
    public async Task<(BindingRedemption Result, long? StaffId)> RedeemAsync(string code, string redeemer)
    {
        if (!await limits.TryTakeAsync(PerUser, redeemer))
            return (BindingRedemption.TooManyAttempts, null);
        if (!await limits.TryTakeAsync(InAll, "all"))
        {
            logger.LogWarning("Binding code attempts from all users exceeded {Limit} in {Window}: redemption paused",
                AttemptsInAll, Lifetime);
            return (BindingRedemption.TooManyAttempts, null);
        }
        code = code.Trim();
        if (code.Length != Digits || !code.All(char.IsAsciiDigit))
            return (BindingRedemption.Invalid, null);
        var staffId = await store.GetAsync(CodeKey(code));
        if (staffId is null || !await store.DeleteIfEqualsAsync(CodeKey(code), staffId))
            return (BindingRedemption.Invalid, null);
        await store.DeleteIfEqualsAsync(LatestKey(long.Parse(staffId)), code);
        return (BindingRedemption.Bound, long.Parse(staffId));
    }

    /// <summary>
    /// Redeems the code and binds <paramref name="openId"/> as the member's <paramref name="identity"/> (saved, the member
    /// told). A deactivated member's code binds nothing. (Not named BindAsync: minimal APIs would take that for a
    /// parameter binder of every endpoint that asks for this service.)
    /// </summary>
    public async Task<(BindingRedemption Result, StaffMember? Staff)> BindIdentityAsync(string code, WeChatIdentity identity, string openId,
        DaibanDbContext db, StaffAccounts accounts, CancellationToken ct)
    {
        var prefix = identity == WeChatIdentity.MiniProgram ? "mp" : "oa";
        var (result, staffId) = await RedeemAsync(code, $"{prefix}:{openId}");
        var staff = staffId is null ? null : await db.Staff.SingleOrDefaultAsync(s => s.Id == staffId && s.Active, ct);
        if (staff is null)
            return (result == BindingRedemption.Bound ? BindingRedemption.Invalid : result, null);
        await accounts.BindIdentityAsync(staff, identity, openId, ct);
        await db.SaveChangesAsync(ct);
        return (BindingRedemption.Bound, staff);
    }

    private static string CodeKey(string code) => $"staff-binding:{code}";

    private static string LatestKey(long staffId) => $"staff-binding-latest:{staffId}";
}
