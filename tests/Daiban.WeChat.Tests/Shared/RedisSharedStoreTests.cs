using Daiban.Testing;
using Daiban.WeChat.Chat;
using Daiban.WeChat.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Daiban.WeChat.Tests.Shared;

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
    public async Task WithRedisUnreachable_QuestionsAreStillAnswered()
    {
        var config = ConfigurationOptions.Parse("127.0.0.1:1,connectTimeout=200,abortConnect=false");
        await using var down = await ConnectionMultiplexer.ConnectAsync(config);
        var limit = new QuestionRateLimit(new RedisSharedStore(down, _options), Options.Create(new ChatOptions { QuestionsPerMinute = 1 }),
            NullLogger<QuestionRateLimit>.Instance);

        Assert.True(await limit.TryTakeAsync("203.0.113.7"));
        Assert.True(await limit.TryTakeAsync("203.0.113.7"));
    }
}
