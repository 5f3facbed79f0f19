using Daiban.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace Daiban.Web.Tests.Platform;

public sealed class MemorySharedStoreTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public async Task SetIfAbsent_RefusesALiveKey_AndTakesItAgainOnceExpired()
    {
        var store = new MemorySharedStore(_clock);

        Assert.True(await store.SetIfAbsentAsync("push:1", "1", TimeSpan.FromMinutes(10)));
        Assert.False(await store.SetIfAbsentAsync("push:1", "1", TimeSpan.FromMinutes(10)));
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await store.SetIfAbsentAsync("push:1", "1", TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public async Task KeysWrittenOnce_ArePurgedAfterTheyExpire_NotKeptForTheLifeOfTheProcess()
    {
        var store = new MemorySharedStore(_clock);
        for (var i = 0; i < 1000; i++)
            await store.SetIfAbsentAsync($"push:{i}", "1", TimeSpan.FromSeconds(30));
        await store.SetAsync("token", "t", TimeSpan.FromHours(2));
        Assert.Equal(1001, store.Count);

        _clock.Advance(MemorySharedStore.PurgeInterval);
        await store.SetIfAbsentAsync("push:new", "1", TimeSpan.FromSeconds(30));

        Assert.Equal(2, store.Count);
        Assert.Equal("t", await store.GetAsync("token"));
    }

    [Fact]
    public async Task ACounter_CountsFromOne_AndStartsAgainOnceItsFirstWindowIsOver()
    {
        var store = new MemorySharedStore(_clock);

        Assert.Equal(1, await store.IncrementAsync("rate:a", TimeSpan.FromMinutes(1)));
        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(2, await store.IncrementAsync("rate:a", TimeSpan.FromMinutes(1)));
        Assert.Equal(1, await store.IncrementAsync("rate:b", TimeSpan.FromMinutes(1)));
        // Later increments do not stretch the window.
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await store.IncrementAsync("rate:a", TimeSpan.FromMinutes(1)));
    }
}
