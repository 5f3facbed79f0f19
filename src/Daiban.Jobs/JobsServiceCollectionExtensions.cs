using Daiban.Core.Notifications;
using Daiban.Jobs.Notifications;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.Redis.StackExchange;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Daiban.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire on Redis when <paramref name="redisConfigured"/>, in memory otherwise. Storage and activator are
    /// registered in DI, never through Hangfire's statics, so two hosts in one process never run each other's jobs.
    /// </summary>
    /// <param name="options">Bound by the host from the "Jobs" section.</param>
    public static IServiceCollection AddDaibanJobs(this IServiceCollection services, JobsOptions options, bool redisConfigured, string redisKeyPrefix)
    {
        services.AddSingleton(Options.Create(options));

        services.AddSingleton<JobStorage>(sp => redisConfigured
            ? new RedisStorage(sp.GetRequiredService<IConnectionMultiplexer>(), new RedisStorageOptions { Prefix = redisKeyPrefix + "hangfire:" })
            : new InMemoryStorage());
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(c => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        services.AddScoped<DispatchNotificationsJob>();
        services.AddSingleton<DispatchGate>();
        services.AddSingleton(sp => new NotificationWakeUp(options,
            redisConfigured ? sp.GetRequiredService<IConnectionMultiplexer>() : null,
            redisKeyPrefix, sp.GetRequiredService<ILogger<NotificationWakeUp>>()));
        services.AddSingleton<INotificationSignal>(sp => sp.GetRequiredService<NotificationWakeUp>());
        services.AddScoped<Reminders.RemindersJob>();
        services.AddScoped<Reminders.DailyDigestJob>();
        services.AddScoped<Reminders.SpotCheckJob>();
        services.AddScoped<Inbound.InboundRetentionJob>();
        services.AddScoped<Staff.StaffSessionRetentionJob>();
        if (options.RunsJobs)
        {
            services.AddHangfireServer((sp, o) =>
            {
                o.SchedulePollingInterval = options.PollingInterval;
                o.WorkerCount = options.WorkerCount;
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
            services.AddHostedService<RecurringJobsRegistrar>();
            services.AddHostedService<NotificationDispatchService>();
        }
        return services;
    }
}
