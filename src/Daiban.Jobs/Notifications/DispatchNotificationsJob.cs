using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Daiban.Jobs.Notifications;

/// <summary>
/// Sends the outbox: right after a commit (<see cref="NotificationDispatchService"/>) and as the periodic sweep
/// that catches whatever a signal missed, retries and crashes. One Hangfire run at a time across the cluster (a
/// storage lock) and one run at a time per process (<see cref="DispatchGate"/>); runs on different instances may
/// overlap, and the dispatcher's claim on each row makes sure each notification is still sent once. No Hangfire
/// retries, because every notification carries its own back-off and the next run picks up whatever is due. Each
/// batch is split by recipient over <see cref="JobsOptions.DispatchParallelism"/> workers, each with its own unit
/// of work, so one person's notices still go out in order while different people's go out side by side.
/// </summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class DispatchNotificationsJob(DaibanDbContext db, IServiceScopeFactory scopes,
    IOptions<JobsOptions> options, TimeProvider clock,
    DispatchGate gate)
{
    public const string RecurringId = "notifications-dispatch";

    /// <summary>Batches until one finds less than a full batch or sends nothing; returns how many were sent.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var total = 0;
            while (true)
            {
                var (found, sent) = await RunBatchAsync(ct);
                total += sent;
                if (found < options.Value.NotificationBatchSize || sent == 0)
                    return total;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(int Found, int Sent)> RunBatchAsync(CancellationToken ct)
    {
        var ids = await NotificationDispatcher.DueIdsAsync(db, clock.GetUtcNow(), options.Value.NotificationBatchSize, ct);
        if (ids.Count == 0)
            return (0, 0);
        var recipients = await db.Notifications.Where(n => ids.Contains(n.Id)).Select(n =>
            new { n.Id, n.RecipientKind, n.RecipientId })
            .ToListAsync(ct);
        var lanes = Math.Max(1, options.Value.DispatchParallelism);
        var partitions = recipients.GroupBy(r => (uint)HashCode.Combine(r.RecipientKind, r.RecipientId) % (uint)lanes)
            .Select(g => g.Select(r => r.Id).ToList()).ToList();
        var sent = await Task.WhenAll(partitions.Select(async part =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().SendAsync(part, ct);
        }));
        return (ids.Count, sent.Sum());
    }
}

/// <summary>One dispatch run at a time in this process: the sweep and the signal-driven runs take turns.</summary>
public sealed class DispatchGate : SemaphoreSlim
{
    public DispatchGate() : base(1, 1) { }
}
