using Daiban.Core.Persistence;
using Daiban.Core.Reminders;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daiban.Jobs.Reminders;

/// <summary>
/// Hourly 08:05–18:05 Asia/Shanghai, doing nothing on non-working days: item deadlines, service timeliness, the
/// difficult-issue ledger, overdue materials and the evaluation follow-up (<see cref="ReminderSweeps"/>).
/// Everything goes through the outbox under a de-duplication key, so a retry or a second worker sends nothing more.
/// </summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed class RemindersJob(DaibanDbContext db, IOptions<ServiceRules> rules, TimeProvider clock, ILogger<RemindersJob> logger)
{
    public const string RecurringId = "reminders";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var queued = await ReminderSweeps.RemindersAsync(db, rules.Value, clock.GetUtcNow(), ct);
        logger.LogInformation("Reminder sweep queued {Queued} notification(s)", queued);
        return queued;
    }
}

/// <summary>08:30 Asia/Shanghai, working days only: each agent's digest.</summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed class DailyDigestJob(DaibanDbContext db, IOptions<ServiceRules> rules, TimeProvider clock)
{
    public const string RecurringId = "daily-digest";

    public Task<int> RunAsync(CancellationToken ct) => ReminderSweeps.DigestAsync(db, rules.Value, clock.GetUtcNow(), ct);
}

/// <summary>Mondays 09:00 Asia/Shanghai: the week's spot-check callbacks.</summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed class SpotCheckJob(DaibanDbContext db, IOptions<ServiceRules> rules, TimeProvider clock)
{
    public const string RecurringId = "spot-check-callbacks";

    public Task<int> RunAsync(CancellationToken ct) => ReminderSweeps.SpotCheckAsync(db, rules.Value, clock.GetUtcNow(), ct);
}
