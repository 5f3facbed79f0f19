using Daiban.Core.Calendar;
using Daiban.Jobs.Notifications;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Daiban.Jobs;

/// <summary>
/// Every recurring job, with a stable id and the Asia/Shanghai zone. Registered in the background and retried
/// until the storage answers, so a Redis outage at start-up delays the schedule instead of stopping the process.
/// </summary>
internal sealed class RecurringJobsRegistrar(IRecurringJobManager recurring, IOptions<JobsOptions> options, ILogger<RecurringJobsRegistrar> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Register();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not register recurring jobs; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2));
            }
        }
    }

    private void Register()
    {
        var zone = new RecurringJobOptions { TimeZone = ChinaTime.Zone };
        recurring.AddOrUpdate<DispatchNotificationsJob>(DispatchNotificationsJob.RecurringId, j => j.RunAsync(CancellationToken.None),
            options.Value.NotificationDispatchCron, zone);
        recurring.AddOrUpdate<Reminders.RemindersJob>(Reminders.RemindersJob.RecurringId, j => j.RunAsync(CancellationToken.None), options.Value.RemindersCron, zone);
        recurring.AddOrUpdate<Reminders.DailyDigestJob>(Reminders.DailyDigestJob.RecurringId, j => j.RunAsync(CancellationToken.None), options.Value.DailyDigestCron, zone);
        recurring.AddOrUpdate<Reminders.SpotCheckJob>(Reminders.SpotCheckJob.RecurringId, j => j.RunAsync(CancellationToken.None), options.Value.SpotCheckCron, zone);
        recurring.AddOrUpdate<Inbound.InboundRetentionJob>(Inbound.InboundRetentionJob.RecurringId, j => j.RunAsync(CancellationToken.None),
            options.Value.InboundRetentionCron, zone);
        recurring.AddOrUpdate<Staff.StaffSessionRetentionJob>(Staff.StaffSessionRetentionJob.RecurringId,
            j => j.RunAsync(CancellationToken.None), options.Value.StaffSessionRetentionCron, zone);
    }
}
