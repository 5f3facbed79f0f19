namespace Daiban.Jobs;

public enum ProcessRole
{
    /// <summary>HTTP and background jobs in one process (the default).</summary>
    Both,
    /// <summary>HTTP only; jobs run in worker processes sharing Redis and the database.</summary>
    Web,
    /// <summary>Background jobs only.</summary>
    Worker,
}

public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    public ProcessRole Role { get; set; } = ProcessRole.Both;

    /// <summary>How often Hangfire looks for scheduled and recurring work (15 s in Hangfire; tests use 1 s).</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>
    /// Cron (with seconds) of the outbox sweep. Notices go out right after their commit (NotificationDispatchService);
    /// the sweep sends retries whose back-off has passed and whatever a lost signal or a crash left behind.
    /// </summary>
    public string NotificationDispatchCron { get; set; } = "*/30 * * * * *";

    public int NotificationBatchSize { get; set; } = 100;

    /// <summary>How many recipients' notifications are sent side by side (each recipient's in order).</summary>
    public int DispatchParallelism { get; set; } = 4;

    /// <summary>Cron (Asia/Shanghai) of the reminder sweep; the job itself does nothing on non-working days.</summary>
    public string RemindersCron { get; set; } = "0 5 8-18 * * *";

    /// <summary>Cron (Asia/Shanghai) of the agents' daily digest; skipped on non-working days.</summary>
    public string DailyDigestCron { get; set; } = "0 30 8 * * *";

    /// <summary>Cron (Asia/Shanghai) of the weekly spot-check draw.</summary>
    public string SpotCheckCron { get; set; } = "0 0 9 * * 1";

    /// <summary>Cron (Asia/Shanghai) of the nightly deletion of old push records.</summary>
    public string InboundRetentionCron { get; set; } = "0 30 3 * * *";

    /// <summary>
    /// Days a push record is kept once processed or given up (it holds what a user typed); 0 keeps them all. The
    /// admin page shows the pushes given up, so the operator has this long to look at them.
    /// </summary>
    public int InboundRetentionDays { get; set; } = 30;

    /// <summary>Days a finished push record is kept, 0 when they are all kept (the one reading of <see cref="InboundRetentionDays"/>).</summary>
    public int InboundRecordsKeptDays => Math.Max(0, InboundRetentionDays);

    /// <summary>Cron (Asia/Shanghai) of the nightly deletion of old staff sign-ins.</summary>
    public string StaffSessionRetentionCron { get; set; } = "0 40 3 * * *";

    /// <summary>Days an ended or expired staff sign-in is kept (at least 1).</summary>
    public int StaffSessionRetentionDays { get; set; } = 90;

    public bool RunsJobs => Role != ProcessRole.Web;
}
