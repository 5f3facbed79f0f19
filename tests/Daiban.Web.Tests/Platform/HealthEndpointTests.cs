using System.Net;
using System.Text.Json;
using Daiban.Core.Inbound;
using Daiban.Core.Persistence;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Platform;

[Collection(HostCollection.Name)]
public sealed class HealthEndpointTests(ProductionLikeApp production, EmbeddedApp embedded)
{
    [Fact]
    public async Task Health_ReportsMariaDbAndRedis_WhenConfigured()
    {
        var response = await production.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var deps = body.GetProperty("dependencies");
        Assert.Equal("MySQL/MariaDB", deps.GetProperty("database").GetProperty("description").GetString());
        Assert.StartsWith("Redis（", deps.GetProperty("redis").GetProperty("description").GetString());
        Assert.Equal("后台任务服务器 1 台", deps.GetProperty("jobs").GetProperty("description").GetString());
        Assert.Equal("Healthy", deps.GetProperty("pushes").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_IsDegradedBut200_WhenNoJobServerRunsAnywhere()
    {
        await using var app = new DaibanAppFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string, string> { ["Jobs:Role"] = "Web" });
        await ((Xunit.IAsyncLifetime)app).InitializeAsync();
        try
        {
            var response = await app.CreateClient().GetAsync("/health");

            // Still serving: a load balancer keeps it; the operator's monitor sees the jobs entry.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Degraded", body.GetProperty("status").GetString());
            var jobs = body.GetProperty("dependencies").GetProperty("jobs");
            Assert.Equal("Degraded", jobs.GetProperty("status").GetString());
            Assert.StartsWith("没有运行中的后台任务服务器", jobs.GetProperty("description").GetString());
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Health_IsDegraded_WhileAPushWaitsLongerThanTenMinutes()
    {
        await using var app = new DaibanAppFactory(DatabaseProvider.Sqlite);
        await ((Xunit.IAsyncLifetime)app).InitializeAsync();
        try
        {
            var now = DateTimeOffset.UtcNow;
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            // Claimed by an instance that never finishes it: this instance's processor leaves it alone.
            db.InboundMessages.Add(new InboundMessage("MiniProgram", "MiniProgram:msg:stuck", "oStuckPush000000000000001", "text", null, "你好", "{}", now.AddMinutes(-11)));
            await db.SaveChangesAsync();
            await db.InboundMessages.ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, "elsewhere").SetProperty(m => m.ClaimedUntil, now.AddHours(1)));

            var stuck = await PushesAsync(app);
            await db.InboundMessages.ExecuteUpdateAsync(u => u.SetProperty(m => m.ProcessedAt, now));
            var drained = await PushesAsync(app);

            Assert.Equal("Degraded", stuck.GetProperty("status").GetString());
            Assert.Equal("微信推送积压：最早一条已等待 11 分钟，详见系统管理-微信消息通道", stuck.GetProperty("description").GetString());
            Assert.Equal("Healthy", drained.GetProperty("status").GetString());
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static async Task<JsonElement> PushesAsync(DaibanAppFactory app) =>
        JsonDocument.Parse(await (await app.CreateClient().GetAsync("/health")).Content.ReadAsStringAsync()).RootElement
            .GetProperty("dependencies").GetProperty("pushes");

    [Fact]
    public async Task Health_OnEmbeddedDefault_UsesSqliteAndSeedsDemoData()
    {
        var response = await embedded.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deps = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("dependencies");
        Assert.Contains("SQLite", deps.GetProperty("database").GetProperty("description").GetString());
        await using var scope = embedded.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        Assert.Equal(3, await db.Cases.CountAsync());
        Assert.True(await db.Staff.CountAsync() >= 5);
    }

    [Fact]
    public async Task Health_Is503_WhenRedisIsDown()
    {
        await using var app = new DaibanAppFactory(DatabaseProvider.Sqlite, redis: "127.0.0.1:1,connectTimeout=200");
        await ((Xunit.IAsyncLifetime)app).InitializeAsync();
        try
        {
            var response = await app.CreateClient().GetAsync("/health");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var deps = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("dependencies");
            Assert.Equal("Unhealthy", deps.GetProperty("redis").GetProperty("status").GetString());
            Assert.Equal("Healthy", deps.GetProperty("database").GetProperty("status").GetString());
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)app).DisposeAsync();
        }
    }
}
