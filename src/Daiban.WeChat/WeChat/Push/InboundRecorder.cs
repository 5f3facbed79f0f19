using System.Threading.Channels;
using Daiban.Core.Messaging;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.WeChat.WeChat.Push;

/// <summary>
/// Group commit for pushes: each request waits until its row is durably stored, but rows arriving together are
/// written in one transaction, so the database pays one commit for many pushes. A batch refused for a duplicate
/// key is retried row by row to find the duplicate; every other row of it is still stored.
/// </summary>
public sealed class InboundRecorder(IServiceScopeFactory scopes, InboundMessageQueue queue, ILogger<InboundRecorder> logger) : BackgroundService
{
    public enum Outcome
    {
        Recorded,
        Duplicate,
    }

    private const int MaxBatch = 256;
    private readonly Channel<(InboundMessage Message, TaskCompletionSource<Outcome> Done)> _pending =
        Channel.CreateUnbounded<(InboundMessage, TaskCompletionSource<Outcome>)>(new UnboundedChannelOptions { SingleReader = true });

    public Task<Outcome> RecordAsync(InboundMessage message, CancellationToken ct)
    {
        var done = new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((message, done)))
            throw new InvalidOperationException("The inbound recorder is stopped.");
        return done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(InboundMessage Message, TaskCompletionSource<Outcome> Done)>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
                batch.Add(item);
            try
            {
                await WriteAsync(batch, stoppingToken);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not record {Count} inbound message(s)", batch.Count);
                foreach (var (_, done) in batch)
                    done.TrySetException(e);
            }
        }
    }

    private async Task WriteAsync(List<(InboundMessage Message, TaskCompletionSource<Outcome> Done)> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        db.InboundMessages.AddRange(batch.Select(b => b.Message));
        try
        {
            await db.SaveChangesAsync(ct);
            Complete(batch);
            return;
        }
        catch (DbUpdateException) when (batch.Count > 1)
        {
            db.ChangeTracker.Clear();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.InboundMessages.AnyAsync(m => m.DeduplicationKey == batch[0].Message.DeduplicationKey, ct))
            {
                batch[0].Done.TrySetResult(Outcome.Duplicate);
                return;
            }
            throw;
        }
        // Somewhere in the batch is a row already stored (a retry that reached another instance first): isolate it.
        foreach (var item in batch)
        {
            var single = new List<(InboundMessage, TaskCompletionSource<Outcome>)> { (Clone(item.Message), item.Done) };
            try
            {
                await WriteAsync(single, ct);
            }
            catch (Exception e)
            {
                item.Done.TrySetException(e);
            }
        }
    }

    private void Complete(List<(InboundMessage Message, TaskCompletionSource<Outcome> Done)> batch)
    {
        foreach (var (message, done) in batch)
        {
            queue.Enqueue(message.Id);
            done.TrySetResult(Outcome.Recorded);
        }
    }

    // A failed SaveChanges leaves generated keys on the tracked instances; a fresh instance is inserted cleanly.
    private static InboundMessage Clone(InboundMessage m) =>
        new(m.Channel, m.DeduplicationKey, m.FromUser, m.MsgType, m.Event, m.Content, m.PayloadJson, m.ReceivedAt);
}
