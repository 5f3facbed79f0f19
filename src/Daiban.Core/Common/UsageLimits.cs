using Microsoft.Extensions.Logging;

namespace Daiban.Core.Common;

/// <summary>
/// A cap on how much of something one caller may use in a window: <paramref name="Max"/> units per
/// <paramref name="Window"/>, the window starting at the first use. <paramref name="OpenWhenStoreDown"/> says what
/// happens when the shared store cannot be reached: a convenience limit lets the request through (the bot must not go
/// down with Redis), a security limit refuses it (guessing must never become free).
/// </summary>
public sealed record UsageLimit(string Name, long Max, TimeSpan Window, bool OpenWhenStoreDown = false);

/// <summary>
/// Counts uses per caller in the shared store, so a limit holds for the whole cluster (Redis in production; behind a
/// round-robin proxy a per-instance count would allow as many times the limit as there are instances).
/// </summary>
public sealed class UsageLimits(ISharedStore store, ILogger<UsageLimits> logger)
{
    /// <summary>
    /// Takes <paramref name="amount"/> units of <paramref name="limit"/> for <paramref name="who"/>; false once
    /// they run out. A refused take is given back: one large refused upload must not use up what smaller ones
    /// could still take.
    /// </summary>
    public async Task<bool> TryTakeAsync(UsageLimit limit, string who, long amount = 1)
    {
        try
        {
            if (await store.IncrementAsync(Key(limit, who), limit.Window, amount) <= limit.Max)
                return true;
            await store.IncrementAsync(Key(limit, who), limit.Window, -amount);
            return false;
        }
        catch (Exception e)
        {
            // The type only: store error messages name the key, which holds the caller's identity.
            logger.LogWarning("Usage counter {Limit} unavailable ({Error}); {Outcome}", limit.Name, e.GetType().Name,
                limit.OpenWhenStoreDown ? "allowed" : "refused");
            return limit.OpenWhenStoreDown;
        }
    }

    /// <summary>
    /// Returns what <see cref="TryTakeAsync"/> took when a later check refuses the request, or when the attempt it
    /// counted turned out fine (a sign-in that succeeded).
    /// </summary>
    public async Task GiveBackAsync(UsageLimit limit, string who, long amount = 1)
    {
        try
        {
            await store.IncrementAsync(Key(limit, who), limit.Window, -amount);
        }
        catch (Exception e)
        {
            logger.LogWarning("Usage counter {Limit} unavailable ({Error}); not given back", limit.Name,
                e.GetType().Name);
        }
    }

    /// <summary>True while <paramref name="who"/> has used up <paramref name="limit"/> (reads without taking).</summary>
    public async Task<bool> IsExhaustedAsync(UsageLimit limit, string who)
    {
        try
        {
            return long.TryParse(await store.GetAsync(Key(limit, who)), out var used) && used >= limit.Max;
        }
        catch (Exception e)
        {
            logger.LogWarning("Usage counter {Limit} unavailable ({Error})", limit.Name, e.GetType().Name);
            return !limit.OpenWhenStoreDown;
        }
    }

    /// <summary>Starts <paramref name="who"/>'s count afresh (a correct password clears the failures before it).</summary>
    public async Task ResetAsync(UsageLimit limit, string who)
    {
        try
        {
            await store.DeleteAsync(Key(limit, who));
        }
        catch (Exception e)
        {
            logger.LogWarning("Usage counter {Limit} unavailable ({Error}); not reset", limit.Name, e.GetType().Name);
        }
    }

    private static string Key(UsageLimit limit, string who) => $"limit:{limit.Name}:{who}";
}
