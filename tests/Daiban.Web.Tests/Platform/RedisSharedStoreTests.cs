using Daiban.Core.Common;
using Daiban.Testing;
using Daiban.Web.Platform;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Daiban.Web.Tests.Platform;

/// <summary>The shared store on the real Redis.</summary>
public sealed class RedisSharedStoreTests
{
    private readonly SharedStoreOptions _options = new() { KeyPrefix = $"daiban-test:{Guid.NewGuid():N}:" };

    [Fact]
    public async Task ACounter_CountsFromOne_WithTheExpiryOfItsFirstIncrement()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var store = new RedisSharedStore(redis, _options);

        Assert.Equal(1, await store.IncrementAsync("rate:a", TimeSpan.FromSeconds(30)));
        var firstExpiry = await redis.GetDatabase().KeyTimeToLiveAsync(_options.KeyPrefix + "rate:a");
        Assert.Equal(2, await store.IncrementAsync("rate:a", TimeSpan.FromMinutes(10)));
        var laterExpiry = await redis.GetDatabase().KeyTimeToLiveAsync(_options.KeyPrefix + "rate:a");

        Assert.InRange(firstExpiry!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
        Assert.True(laterExpiry <= firstExpiry, $"{laterExpiry} > {firstExpiry}");
        await redis.GetDatabase().KeyDeleteAsync(_options.KeyPrefix + "rate:a");
    }

    [Fact]
    public async Task ACounter_AddsAmounts()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var store = new RedisSharedStore(redis, _options);

        Assert.Equal(5_000, await store.IncrementAsync("bytes:a", TimeSpan.FromSeconds(30), 5_000));
        Assert.Equal(5_001, await store.IncrementAsync("bytes:a", TimeSpan.FromSeconds(30)));
        Assert.NotNull(await redis.GetDatabase().KeyTimeToLiveAsync(_options.KeyPrefix + "bytes:a"));
        await redis.GetDatabase().KeyDeleteAsync(_options.KeyPrefix + "bytes:a");
    }

    [Fact]
    public async Task WithRedisUnreachable_AConvenienceLimitOpens_ASecurityLimitCloses()
    {
        var config = ConfigurationOptions.Parse("127.0.0.1:1,connectTimeout=200,abortConnect=false");
        await using var down = await ConnectionMultiplexer.ConnectAsync(config);
        var limits = new UsageLimits(new RedisSharedStore(down, _options), NullLogger<UsageLimits>.Instance);

        var chat = new UsageLimit("chat", 1, TimeSpan.FromMinutes(1), OpenWhenStoreDown: true);
        Assert.True(await limits.TryTakeAsync(chat, "203.0.113.7"));
        Assert.True(await limits.TryTakeAsync(chat, "203.0.113.7"));
        var guesses = new UsageLimit("guess", 100, TimeSpan.FromMinutes(1));
        Assert.False(await limits.TryTakeAsync(guesses, "203.0.113.7"));
        Assert.True(await limits.IsExhaustedAsync(guesses, "203.0.113.7"));
    }
}
