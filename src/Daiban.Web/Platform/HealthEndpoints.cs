using Daiban.Core.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Daiban.Web.Platform;

public static class HealthEndpoints
{
    public static IServiceCollection AddDaibanHealthChecks(this IServiceCollection services, bool redisConfigured)
    {
        var checks = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<JobServersHealthCheck>("jobs", failureStatus: HealthStatus.Degraded)
            .AddCheck<PushBacklogHealthCheck>("pushes", failureStatus: HealthStatus.Degraded);
        if (redisConfigured)
            checks.AddCheck<RedisHealthCheck>("redis");
        return services;
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", GetHealthAsync).WithName("GetHealth").WithTags("Health")
            .WithSummary("各依赖（数据库、Redis）与后台工作（任务服务器、推送积压）的健康状态");

    public sealed record DependencyHealth(string Status, string? Description, double DurationMs);

    public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, DependencyHealth> Dependencies);

    internal static async Task<IResult> GetHealthAsync(HealthCheckService health, DatabaseSettings database, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        var dependencies = report.Entries.ToDictionary(e => e.Key,
            e => new DependencyHealth(e.Value.Status.ToString(), e.Value.Description, e.Value.Duration.TotalMilliseconds));
        if (!dependencies.ContainsKey("redis"))
            dependencies["redis"] = new DependencyHealth("Healthy", "未配置Redis：缓存与锁在进程内完成", 0);
        var body = new HealthResponse(report.Status.ToString(), dependencies);
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(body);
    }
}

internal sealed class DatabaseHealthCheck(DaibanDbContext db, DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var name = settings.Provider == DatabaseProvider.MySql ? "MySQL/MariaDB" : "SQLite（内嵌）";
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy(name)
                : HealthCheckResult.Unhealthy($"{name}无法连接");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{name}无法连接", e);
        }
    }
}

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis（{latency.TotalMilliseconds:F1} ms）");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Redis无法连接", e);
        }
    }
}
