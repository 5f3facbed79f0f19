using System.Threading.Channels;
using Daiban.Core.Notifications;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Daiban.Jobs.Notifications;

/// <summary>
/// The signal from a commit to the dispatchers. Locally one slot: any number of signals while a run is under way
/// leave exactly one more run to do, so a burst of commits costs a few runs, not one each. With Redis it is also
/// published on <see cref="Channel"/>, so a commit on a web instance wakes the worker instances too
/// (<see cref="NotificationDispatchService"/> subscribes). Nothing here can fail or slow the committing request.
/// </summary>
public sealed class NotificationWakeUp(JobsOptions options, IConnectionMultiplexer? redis,
    string redisKeyPrefix, ILogger<NotificationWakeUp> logger)
    : INotificationSignal
{
    private readonly Channel<bool> _pending = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public RedisChannel Channel { get; } = RedisChannel.Literal(redisKeyPrefix + "notifications:committed");

    public void NotificationsCommitted()
    {
        if (options.RunsJobs)
            Wake();
        if (redis is null)
            return;
        try
        {
            redis.GetSubscriber().Publish(Channel, "1", CommandFlags.FireAndForget);
        }
        catch (Exception e)
        {
            // Redis down: the local dispatcher still woke, the other instances' sweeps send it.
            logger.LogDebug(e, "Could not publish the notification signal");
        }
    }

    /// <summary>Asks the local dispatcher for one more run.</summary>
    public void Wake() => _pending.Writer.TryWrite(true);

    /// <summary>Waits until a run has been asked for, and takes that request.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken ct) => _pending.Reader.ReadAsync(ct);
}
