using Daiban.Core.Inbound;
using Daiban.Core.Persistence;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Daiban.Web.Platform;

/// <summary>
/// Is any Hangfire server alive, on this instance or another? Without one no deadline reminder or notification goes
/// out, while every page still works — the failure nobody notices until a deadline has passed. Degraded, not
/// unhealthy: the instance itself serves requests fine and must stay behind the load balancer.
/// </summary>
internal sealed class JobServersHealthCheck(JobStorage storage, TimeProvider clock) : IHealthCheck
{
    // Servers beat every 30 s; Hangfire itself drops one after 5 min of silence.
    private static readonly TimeSpan Silence = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var since = clock.GetUtcNow().UtcDateTime - Silence;
            // A server's first heartbeat comes 30 s after it starts (on Redis nothing is written before): until then its start counts.
            var alive = storage.GetMonitoringApi().Servers().Count(s => (s.Heartbeat ?? s.StartedAt) >= since);
            return Task.FromResult(alive > 0
                ? HealthCheckResult.Healthy($"后台任务服务器 {alive} 台")
                : HealthCheckResult.Degraded("没有运行中的后台任务服务器：到期提醒和通知暂停发送，请启动 --role worker 或 both 的进程"));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Degraded("无法读取后台任务服务器状态", e));
        }
    }
}

/// <summary>WeChat pushes recorded but not worked for longer than <see cref="MessageChannelStatus.StuckAfter"/>.</summary>
internal sealed class PushBacklogHealthCheck(DaibanDbContext db, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var oldest = await MessageChannelStatus.OldestWaitingSinceAsync(db, ct);
        var waited = oldest is { } since ? clock.GetUtcNow() - since : TimeSpan.Zero;
        return waited < MessageChannelStatus.StuckAfter
            ? HealthCheckResult.Healthy("微信推送无积压")
            : HealthCheckResult.Degraded($"微信推送积压：最早一条已等待 {(int)waited.TotalMinutes} 分钟，详见系统管理-微信消息通道");
    }
}
