using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Daiban.Jobs.Notifications;

/// <summary>
/// Sends the outbox. One run at a time across the cluster (a storage lock); no Hangfire retries, because every
/// notification carries its own back-off and the next run picks up whatever is due. The batch is split by
/// recipient over <see cref="JobsOptions.DispatchParallelism"/> workers, each with its own unit of work, so one
/// person's notices still go out in order while different people's go out side by side.
/// </summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class DispatchNotificationsJob(DaibanDbContext db, IServiceScopeFactory scopes, IOptions<JobsOptions> options, TimeProvider clock)
{
    public const string RecurringId = "notifications-dispatch";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var ids = await NotificationDispatcher.DueIdsAsync(db, clock.GetUtcNow(), options.Value.NotificationBatchSize, ct);
        if (ids.Count == 0)
            return 0;
        var recipients = await db.Notifications.Where(n => ids.Contains(n.Id)).Select(n => new { n.Id, n.RecipientKind, n.RecipientId }).ToListAsync(ct);
        var lanes = Math.Max(1, options.Value.DispatchParallelism);
        var partitions = recipients.GroupBy(r => (uint)HashCode.Combine(r.RecipientKind, r.RecipientId) % (uint)lanes)
            .Select(g => g.Select(r => r.Id).ToList()).ToList();
        var sent = await Task.WhenAll(partitions.Select(async part =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().SendAsync(part, ct);
        }));
        return sent.Sum();
    }
}
