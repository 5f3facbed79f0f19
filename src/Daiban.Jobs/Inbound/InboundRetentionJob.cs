using Daiban.Core.Inbound;
using Daiban.Core.Persistence;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daiban.Jobs.Inbound;

/// <summary>Nightly 03:30 Asia/Shanghai: deletes pushes finished more than <see cref="JobsOptions.InboundRecordsKeptDays"/> days ago.</summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class InboundRetentionJob(DaibanDbContext db, IOptions<JobsOptions> options, TimeProvider clock, ILogger<InboundRetentionJob> logger)
{
    public const string RecurringId = "inbound-retention";
    private const int PageSize = 1_000;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var days = options.Value.InboundRecordsKeptDays;
        if (days == 0)
            return 0;
        var deleted = await InboundMessageRetention.PurgeAsync(db, clock.GetUtcNow().AddDays(-days), PageSize, ct);
        logger.LogInformation("Deleted {Count} push record(s) finished more than {Days} days ago", deleted, days);
        return deleted;
    }
}
