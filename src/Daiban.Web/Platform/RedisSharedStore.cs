using Daiban.Core.Common;
using StackExchange.Redis;

namespace Daiban.Web.Platform;

internal sealed class RedisSharedStore(IConnectionMultiplexer redis, SharedStoreOptions options) : ISharedStore
{
    private const string CompareAndDelete = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    // INCR and its expiry in one step: a counter can never be left without one.
    private const string IncrementWithExpiry =
        "local n = redis.call('incrby', KEYS[1], ARGV[2]) " +
        "if redis.call('pttl', KEYS[1]) < 0 then redis.call('pexpire', KEYS[1], ARGV[1]) end return n";

    private IDatabase Db => redis.GetDatabase();

    private RedisKey Key(string key) => options.KeyPrefix + key;

    public Task<bool> SetIfAbsentAsync(string key, string value, TimeSpan ttl) => Db.StringSetAsync(Key(key), value, ttl, When.NotExists);

    public async Task<string?> GetAsync(string key) => await Db.StringGetAsync(Key(key));

    public Task SetAsync(string key, string value, TimeSpan ttl) => Db.StringSetAsync(Key(key), value, ttl);

    public async Task<long> IncrementAsync(string key, TimeSpan ttl, long amount = 1) =>
        (long)await Db.ScriptEvaluateAsync(IncrementWithExpiry, [Key(key)], [(long)ttl.TotalMilliseconds, amount]);

    public Task DeleteAsync(string key) => Db.KeyDeleteAsync(Key(key));

    public async Task<bool> DeleteIfEqualsAsync(string key, string expected) =>
        (long)await Db.ScriptEvaluateAsync(CompareAndDelete, [Key(key)], [expected]) == 1;
}

public sealed class SharedStoreOptions
{
    /// <summary>Every key Daiban writes to Redis starts with this, so one Redis can serve several environments.</summary>
    public string KeyPrefix { get; set; } = "daiban:";
}
