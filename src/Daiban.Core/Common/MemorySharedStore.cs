using System.Collections.Concurrent;

namespace Daiban.Core.Common;

/// <summary>
/// The embedded default: correct for one process, which is all it is used for. Expired entries are purged at most
/// once per <see cref="PurgeInterval"/> by the write that finds the interval over, so keys written once (binding
/// codes, short locks) do not pile up for the life of the process.
/// </summary>
public sealed class MemorySharedStore(TimeProvider clock) : ISharedStore
{
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset ExpiresAt)> _entries = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _nextPurge = clock.GetUtcNow() + PurgeInterval;

    public int Count => _entries.Count;

    public Task<bool> SetIfAbsentAsync(string key, string value, TimeSpan ttl)
    {
        lock (_gate)
        {
            if (TryGetLive(key, out _))
                return Task.FromResult(false);
            Write(key, value, ttl);
            return Task.FromResult(true);
        }
    }

    public Task<string?> GetAsync(string key) => Task.FromResult(TryGetLive(key, out var v) ? v : null);

    public Task SetAsync(string key, string value, TimeSpan ttl)
    {
        lock (_gate)
            Write(key, value, ttl);
        return Task.CompletedTask;
    }

    public Task<long> IncrementAsync(string key, TimeSpan ttl, long amount = 1)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var live) && live.ExpiresAt > clock.GetUtcNow())
            {
                var n = long.Parse(live.Value) + amount;
                _entries[key] = (n.ToString(), live.ExpiresAt);
                return Task.FromResult(n);
            }
            Write(key, amount.ToString(), ttl);
            return Task.FromResult(amount);
        }
    }

    public Task DeleteAsync(string key)
    {
        _entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task<bool> DeleteIfEqualsAsync(string key, string expected)
    {
        lock (_gate)
        {
            if (TryGetLive(key, out var v) && v == expected)
                return Task.FromResult(_entries.TryRemove(key, out _));
            return Task.FromResult(false);
        }
    }

    private void Write(string key, string value, TimeSpan ttl)
    {
        var now = clock.GetUtcNow();
        _entries[key] = (value, now + ttl);
        if (now < _nextPurge)
            return;
        _nextPurge = now + PurgeInterval;
        foreach (var entry in _entries)
            if (entry.Value.ExpiresAt <= now)
                _entries.TryRemove(entry);
    }

    private bool TryGetLive(string key, out string value)
    {
        value = "";
        if (!_entries.TryGetValue(key, out var e))
            return false;
        if (e.ExpiresAt > clock.GetUtcNow())
        {
            value = e.Value;
            return true;
        }
        // Remove only the expired entry we saw, never a fresh one written meanwhile.
        _entries.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(key, e));
        return false;
    }
}
