using System.Net;
using System.Text.Json;
using Daiban.Core.Persistence;
using Daiban.WeChat.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.WeChat.Tests.Health;

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
    }

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
