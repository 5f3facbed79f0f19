namespace Daiban.Core.Common;

/// <summary>
/// What several web instances must agree on: cached access tokens, staff binding codes, short locks, rate counters.
/// Redis when <c>ConnectionStrings:Redis</c> is set, the process's memory otherwise.
/// </summary>
public interface ISharedStore
{
    /// <summary>Sets the key only when absent (SET NX); true when this caller set it.</summary>
    Task<bool> SetIfAbsentAsync(string key, string value, TimeSpan ttl);

    Task<string?> GetAsync(string key);

    Task SetAsync(string key, string value, TimeSpan ttl);

    /// <summary>
    /// Adds <paramref name="amount"/> to the counter at <paramref name="key"/> and returns it; a new counter starts at
    /// <paramref name="amount"/> and lives <paramref name="ttl"/>.
    /// </summary>
    Task<long> IncrementAsync(string key, TimeSpan ttl, long amount = 1);

    Task DeleteAsync(string key);

    /// <summary>Deletes the key only while it still holds <paramref name="expected"/> (compare-and-delete).</summary>
    Task<bool> DeleteIfEqualsAsync(string key, string expected);
}
