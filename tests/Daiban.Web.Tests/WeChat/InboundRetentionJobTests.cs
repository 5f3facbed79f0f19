using Daiban.Core.Inbound;
using Daiban.Core.Persistence;
using Daiban.Jobs.Inbound;
using Daiban.Testing;
using Daiban.Web.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Daiban.Web.Tests.WeChat;

/// <summary>The nightly deletion of old push records, run by Hangfire on Redis with the configured number of days.</summary>
[Collection(HostCollection.Name)]
public sealed class InboundRetentionJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Night = new(2026, 11, 25, 3, 30, 0, TimeSpan.FromHours(8));
    private readonly DaibanAppFactory _app = new(DatabaseProvider.MySql, TestServers.Redis, settings: new Dictionary<string, string>
    {
        ["Jobs:InboundRetentionDays"] = "7",
        // Only what the test enqueues runs.
        ["Jobs:InboundRetentionCron"] = "0 0 0 1 1 *",
    }, services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Night)));

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private async Task<List<string>> KeysAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().InboundMessages.OrderBy(m => m.DeduplicationKey)
            .Select(m => m.DeduplicationKey).ToListAsync();
    }

    [Fact]
    public async Task TheJob_DeletesPushesFinishedMoreThanTheConfiguredDaysAgo()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            foreach (var (key, age) in new[] { ("eight-days", 8), ("six-days", 6) })
            {
                var m = new InboundMessage("MiniProgram", key, "oUser", "text", null, "你好", "{}", Night.AddDays(-age));
                m.MarkProcessed("answered", Night.AddDays(-age));
                db.InboundMessages.Add(m);
            }
            await db.SaveChangesAsync();
        }

        _app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<InboundRetentionJob>(j => j.RunAsync(CancellationToken.None));

        for (var i = 0; i < 200 && (await KeysAsync()).Count > 1; i++)
            await Task.Delay(100);
        Assert.Equal(["six-days"], await KeysAsync());
    }
}
