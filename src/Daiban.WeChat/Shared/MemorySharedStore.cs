using System.Collections.Concurrent;

namespace Daiban.WeChat.Shared;

/// <summary>The embedded default: correct for one process, which is all it is used for.</summary>
internal sealed class MemorySharedStore(TimeProvider clock) : ISharedStore
{
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset ExpiresAt)> _entries = new();
    private readonly Lock _gate = new();

    public Task<bool> SetIfAbsentAsync(string key, string value, TimeSpan ttl)
    {
        lock (_gate)
        {
            if (TryGetLive(key, out _))
                return Task.FromResult(false);
            _entries[key] = (value, clock.GetUtcNow() + ttl);
            return Task.FromResult(true);
        }
    }

    public Task<string?> GetAsync(string key) => Task.FromResult(TryGetLive(key, out var v) ? v : null);

    public Task SetAsync(string key, string value, TimeSpan ttl)
    {
        lock (_gate)
            _entries[key] = (value, clock.GetUtcNow() + ttl);
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
