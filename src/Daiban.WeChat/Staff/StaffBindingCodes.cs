using System.Security.Cryptography;
using Daiban.WeChat.Shared;

namespace Daiban.WeChat.Staff;

/// <summary>
/// One-time codes that tie a staff account to a WeChat identity: six digits, ten minutes, usable once, kept in the
/// shared store so any instance can redeem them.
/// </summary>
public sealed class StaffBindingCodes(ISharedStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<(string Code, DateTimeOffset ExpiresAt)> IssueAsync(long staffId)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
            if (await store.SetIfAbsentAsync(Key(code), staffId.ToString(), Lifetime))
                return (code, clock.GetUtcNow() + Lifetime);
        }
        throw new InvalidOperationException("Could not find a free binding code.");
    }

    /// <summary>The staff id the code was issued for, consuming the code; null when unknown, expired or already used.</summary>
    public async Task<long?> RedeemAsync(string code)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            return null;
        var staffId = await store.GetAsync(Key(code));
        return staffId is not null && await store.DeleteIfEqualsAsync(Key(code), staffId) ? long.Parse(staffId) : null;
    }

    private static string Key(string code) => $"staff-binding:{code}";
}
