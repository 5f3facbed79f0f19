using Daiban.Core.Notifications;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Daiban.Jobs.Notifications;

/// <summary>
/// Sends the outbox. One run at a time across the cluster (a storage lock); no Hangfire retries, because every
/// notification carries its own back-off and the next run picks up whatever is due.
/// </summary>
[AutomaticRetry(Attempts = 0)]
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class DispatchNotificationsJob(NotificationDispatcher dispatcher, IOptions<JobsOptions> options)
{
    public const string RecurringId = "notifications-dispatch";

    public Task<int> RunAsync(CancellationToken ct) => dispatcher.DispatchDueAsync(options.Value.NotificationBatchSize, ct);
}
