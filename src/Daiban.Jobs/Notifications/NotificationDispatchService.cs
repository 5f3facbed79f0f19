using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Daiban.Jobs.Notifications;

/// <summary>
/// Sends committed notifications at once: waits for <see cref="NotificationWakeUp"/> (a local commit, or one on any
/// instance through Redis), then runs the dispatch until nothing more is due. Off the request path, and whatever
/// fails here is logged and left to the next signal or to the periodic <see cref="DispatchNotificationsJob"/>
/// sweep, which stays the safety net for crashes and retries.
/// </summary>
internal sealed class NotificationDispatchService(NotificationWakeUp wakeUp, IServiceScopeFactory scopes,
    IServiceProvider services,
    ILogger<NotificationDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<IConnectionMultiplexer>() is { } redis)
            _ = SubscribeAsync(redis, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await wakeUp.WaitAsync(stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DispatchNotificationsJob>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Dispatch after a commit failed; the sweep will send what is left");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Subscribes until it succeeds; once subscribed, the multiplexer restores the subscription after an outage itself.
    /// </summary>
    private async Task SubscribeAsync(IConnectionMultiplexer redis, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(wakeUp.Channel, (_, _) => wakeUp.Wake());
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not subscribe to the notification signal; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2));
            }
        }
    }
}
