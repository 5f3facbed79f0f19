using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daiban.Jobs.Staff;

/// <summary>Nightly 03:40 Asia/Shanghai: deletes staff sign-ins ended or expired more than the configured days ago.</summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class StaffSessionRetentionJob(DaibanDbContext db, IOptions<JobsOptions> options, TimeProvider clock,
    ILogger<StaffSessionRetentionJob> logger)
{
    public const string RecurringId = "staff-session-retention";
    private const int PageSize = 1_000;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var days = Math.Max(1, options.Value.StaffSessionRetentionDays);
        var deleted = await StaffSessionRetention.PurgeAsync(db, clock.GetUtcNow().AddDays(-days), PageSize, ct);
        logger.LogInformation("Deleted {Count} staff session(s) ended more than {Days} days ago", deleted, days);
        return deleted;
    }
}
