using System.Threading.Channels;
using Daiban.Core.Messaging;
using Daiban.Core.Persistence;

namespace Daiban.WeChat.WeChat.Push;

/// <summary>
/// Group commit for pushes. A push that asks for work (a user's text, a subscription choice) waits until its row is
/// durably stored; rows arriving together are written in one transaction, so the database pays one commit for many
/// pushes. A push that asks for nothing (entering a session, following) is written behind, in the same batches,
/// without anyone waiting: losing it in a crash loses a log line, never work. A row whose de-duplication key is
/// already stored (a retry that reached another instance first) is reported as a duplicate and not worked again.
/// One writer with one open connection serves every batch; after a failure it is replaced, so a dropped connection
/// costs the pushes of one batch a retry by WeChat, never more. Stopping writes what is still queued.
/// While only rows written behind are queued, the loop lingers up to <see cref="BehindLinger"/> so that they go in
/// a few large transactions rather than many small ones; a push that waits cuts the lingering short.
/// </summary>
public sealed class InboundRecorder(IServiceScopeFactory scopes, InboundMessageQueue queue, InboundWriteGate gate, ILogger<InboundRecorder> logger)
    : BackgroundService
{
    public enum Outcome
    {
        Recorded,
        Duplicate,
    }

    public static readonly TimeSpan BehindLinger = TimeSpan.FromMilliseconds(20);
    private const int MaxBatch = 256;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);
    private TaskCompletionSource _waiterQueued = NewSignal();

    private readonly Channel<(InboundMessage Message, TaskCompletionSource<Outcome>? Done)> _pending =
        Channel.CreateUnbounded<(InboundMessage, TaskCompletionSource<Outcome>?)>();

    private AsyncServiceScope? _scope;
    private InboundMessageWriter? _writer;

    /// <summary>Completes once the row is durably stored (or found already stored).</summary>
    public Task<Outcome> RecordAsync(InboundMessage message, CancellationToken ct)
    {
        // Completed inline by the writer's loop: the answer goes out without another hop through the thread pool.
        var done = new TaskCompletionSource<Outcome>();
        if (!_pending.Writer.TryWrite((message, done)))
            throw new InvalidOperationException("The inbound recorder is stopped.");
        Volatile.Read(ref _waiterQueued).TrySetResult();
        return done.Task.WaitAsync(ct);
    }

    /// <summary>Queues a row that needs no work and nobody waits for.</summary>
    public void RecordBehind(InboundMessage message)
    {
        if (message.IsPending)
            throw new ArgumentException("Only a push that needs no work may be written behind.", nameof(message));
        if (!_pending.Writer.TryWrite((message, null)))
            throw new InvalidOperationException("The inbound recorder is stopped.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(InboundMessage Message, TaskCompletionSource<Outcome>? Done)>(MaxBatch);
        // Writes are not cut off by stopping: a batch already taken is finished, and so is what is still queued,
        // unless the database does not answer within the drain timeout.
        using var writes = new CancellationTokenSource();
        await using var onStop = stoppingToken.Register(() => writes.CancelAfter(DrainTimeout));
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                var waiterQueued = Volatile.Read(ref _waiterQueued).Task;
                if (!waiterQueued.IsCompleted && _pending.Reader.Count < MaxBatch)
                    await Task.WhenAny(waiterQueued, Task.Delay(BehindLinger, stoppingToken));
                // Reset before taking the batch: a waiter queued from here on is either in it or wakes the next round.
                Volatile.Write(ref _waiterQueued, NewSignal());
                await WriteAvailableAsync(batch, writes.Token);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is written by StopAsync.
        }
    }

    /// <summary>
    /// Ends the loop, then writes what is still queued. Done here rather than at the end of the loop because the
    /// loop may never have begun when the host stops at once (ExecuteAsync starts on another thread).
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        if (ExecuteTask is { IsCompleted: false })
        {
            logger.LogError("Stopped while a batch was still being written; {Count} queued push(es) not recorded", _pending.Reader.Count);
            return;
        }
        var batch = new List<(InboundMessage Message, TaskCompletionSource<Outcome>? Done)>(MaxBatch);
        using var drain = new CancellationTokenSource(DrainTimeout);
        try
        {
            while (_pending.Reader.TryPeek(out _))
                await WriteAvailableAsync(batch, drain.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogError("Stopped before {Count} queued push(es) could be recorded", _pending.Reader.Count);
        }
        await ReplaceWriterAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task WriteAvailableAsync(List<(InboundMessage Message, TaskCompletionSource<Outcome>? Done)> batch, CancellationToken ct)
    {
        batch.Clear();
        while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
            batch.Add(item);
        try
        {
            if (_writer is null)
            {
                _scope = scopes.CreateAsyncScope();
                _writer = new InboundMessageWriter(_scope.Value.ServiceProvider.GetRequiredService<DaibanDbContext>());
            }
            var writer = _writer;
            Complete(batch, await gate.RunAsync(() => writer.InsertNewAsync(batch.ConvertAll(b => b.Message), ct), ct));
        }
        catch (Exception e)
        {
            // Waiting requests fail, so WeChat retries them; rows written behind were only a record of nothing to do.
            logger.LogError(e, "Could not record {Count} inbound message(s)", batch.Count);
            foreach (var (_, done) in batch)
                done?.TrySetException(e);
            await ReplaceWriterAsync();
            if (e is OperationCanceledException)
                throw;
        }
    }

    private void Complete(List<(InboundMessage Message, TaskCompletionSource<Outcome>? Done)> batch, bool[] stored)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var (message, done) = batch[i];
            if (stored[i] && message.IsPending)
                queue.Enqueue(message.DeduplicationKey);
            done?.TrySetResult(stored[i] ? Outcome.Recorded : Outcome.Duplicate);
        }
    }

    private async Task ReplaceWriterAsync()
    {
        try
        {
            if (_writer is not null)
                await _writer.DisposeAsync();
            if (_scope is not null)
                await _scope.Value.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // The host's services are already gone (a test host torn down at once): nothing is left to close.
        }
        finally
        {
            (_scope, _writer) = (null, null);
        }
    }
}
