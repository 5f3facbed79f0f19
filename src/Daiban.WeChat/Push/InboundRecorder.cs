using System.Threading.Channels;
using Daiban.Core.Inbound;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;

namespace Daiban.WeChat.Push;

/// <summary>
/// Group commit for pushes. A push that asks for work (a user's text, a subscription choice) waits until its row is
/// durably stored; rows arriving together are written in one transaction, so the database pays one commit for many
/// pushes. A push that asks for nothing (entering a session, following) is written behind, in the same batches,
/// without anyone waiting: losing it in a crash loses a log line, never work. A row whose de-duplication key is
/// already stored — by an earlier batch or another instance; this is the one de-duplication of pushes — is reported
/// as a duplicate and not worked again. A subscription choice recorded with its choices (on the embedded database,
/// <see cref="InboundWriteGate.WorksChoicesWhileRecording"/>) has them applied in the transaction that stores it: one
/// commit records and works it, and a repeat applies nothing.
/// Each batch being written has a writer with its own open connection, kept for the next batch; after a failure the
/// writer is closed and another opened, so a dropped connection costs the pushes of one batch a retry by WeChat,
/// never more. On MariaDB a few batches are written at once (<see cref="InboundWriteGate.ConcurrentBatches"/>): the
/// pushes arriving during one commit need not wait for it to end. Stopping writes what is still queued.
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

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>();

    private readonly SemaphoreSlim _slots = new(gate.ConcurrentBatches, gate.ConcurrentBatches);
    // Writers not in use, each with its own scope and open connection; a failed one is disposed, not returned.
    private readonly System.Collections.Concurrent.ConcurrentBag<(AsyncServiceScope Scope, InboundMessageWriter Writer)> _idle = [];

    /// <summary>A push to store; <see cref="Choices"/> are applied with it, <see cref="Done"/> is told the outcome.</summary>
    private sealed record Pending(InboundMessage Message, IReadOnlyList<SubscriptionConsent.PushedChoice>? Choices, TaskCompletionSource<Outcome>? Done);

    /// <summary>Completes once the row is durably stored (or found already stored).</summary>
    public Task<Outcome> RecordAsync(InboundMessage message, CancellationToken ct) => EnqueueAwaited(message, null, ct);

    /// <summary>
    /// Records a subscription popup or settings change, already marked processed, and applies its choices in the same
    /// transaction; completes once both are durable. A repeat of a stored push applies nothing.
    /// </summary>
    public Task<Outcome> RecordAsync(InboundMessage message, IReadOnlyList<SubscriptionConsent.PushedChoice> choices, CancellationToken ct)
    {
        if (message.IsPending)
            throw new ArgumentException("A push whose choices are applied as it is stored is recorded as processed.", nameof(message));
        return EnqueueAwaited(message, choices, ct);
    }

    private Task<Outcome> EnqueueAwaited(InboundMessage message, IReadOnlyList<SubscriptionConsent.PushedChoice>? choices, CancellationToken ct)
    {
        // Completed inline by the batch's write: the answer goes out without another hop through the thread pool.
        var done = new TaskCompletionSource<Outcome>();
        if (!_pending.Writer.TryWrite(new Pending(message, choices, done)))
            throw new InvalidOperationException("The inbound recorder is stopped.");
        Volatile.Read(ref _waiterQueued).TrySetResult();
        return done.Task.WaitAsync(ct);
    }

    /// <summary>Queues a row that needs no work and nobody waits for.</summary>
    public void RecordBehind(InboundMessage message)
    {
        if (message.IsPending)
            throw new ArgumentException("Only a push that needs no work may be written behind.", nameof(message));
        if (!_pending.Writer.TryWrite(new Pending(message, null, null)))
            throw new InvalidOperationException("The inbound recorder is stopped.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
                // A batch is taken only once a writer is free, so it holds everything that arrived meanwhile.
                await _slots.WaitAsync(stoppingToken);
                // Reset before taking the batch: a waiter queued from here on is either in it or wakes the next round.
                Volatile.Write(ref _waiterQueued, NewSignal());
                var batch = TakeBatch();
                if (batch.Count == 0)
                {
                    _slots.Release();
                    continue;
                }
                // Not awaited: the loop goes on taking batches while this one is written; it gives its slot back.
                _ = WriteAndReleaseAsync(batch, writes.Token);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is written by StopAsync.
        }
        finally
        {
            // The batches being written finish before the loop ends (and before their cancellation source is
            // disposed): each holds a slot until it ends, so taking every slot waits for the last.
            for (var i = 0; i < gate.ConcurrentBatches; i++)
                await _slots.WaitAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Ends the loop and the batches being written, then writes what is still queued. Done here rather than at the end
    /// of the loop because the loop may never have begun when the host stops at once (ExecuteAsync starts on another thread).
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
        using var drain = new CancellationTokenSource(DrainTimeout);
        try
        {
            while (_pending.Reader.TryPeek(out _))
                await WriteAsync(TakeBatch(), drain.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogError("Stopped before {Count} queued push(es) could be recorded", _pending.Reader.Count);
        }
        while (_idle.TryTake(out var idle))
            await CloseAsync(idle);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private List<Pending> TakeBatch()
    {
        var batch = new List<Pending>(Math.Min(MaxBatch, _pending.Reader.Count));
        while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
            batch.Add(item);
        return batch;
    }

    private async Task WriteAndReleaseAsync(List<Pending> batch, CancellationToken ct)
    {
        try
        {
            await WriteAsync(batch, ct);
        }
        catch (OperationCanceledException)
        {
            // Logged by WriteAsync; the waiting pushes have failed, so WeChat retries them.
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task WriteAsync(List<Pending> batch, CancellationToken ct)
    {
        (AsyncServiceScope Scope, InboundMessageWriter Writer)? lease = null;
        bool[] stored;
        try
        {
            lease = _idle.TryTake(out var idle) ? idle : NewWriter();
            var writer = lease.Value.Writer;
            var choices = batch.Where(b => b.Choices is not null).ToDictionary(b => b.Message, b => b.Choices!);
            stored = await gate.RunAsync(() => writer.InsertNewAsync(batch.ConvertAll(b => b.Message),
                choices.Count == 0 ? null : (db, storedNow, token) => ApplyChoicesAsync(db, storedNow, choices, token), ct), ct);
        }
        catch (Exception e)
        {
            // Waiting requests fail, so WeChat retries them; rows written behind were only a record of nothing to do.
            logger.LogError(e, "Could not record {Count} inbound message(s)", batch.Count);
            foreach (var pending in batch)
                pending.Done?.TrySetException(e);
            if (lease is { } failed)
                await CloseAsync(failed);
            if (e is OperationCanceledException)
                throw;
            return;
        }
        _idle.Add(lease.Value);
        Complete(batch, stored);
    }

    /// <summary>The choices of the pushes stored now, in the order received, as one set: one quota query per batch.</summary>
    private static Task ApplyChoicesAsync(DaibanDbContext db, IReadOnlyList<InboundMessage> storedNow,
        Dictionary<InboundMessage, IReadOnlyList<SubscriptionConsent.PushedChoice>> choices, CancellationToken ct)
    {
        var applied = storedNow.Where(choices.ContainsKey).ToList();
        if (applied.Count == 0)
            return Task.CompletedTask;
        var now = applied.Max(m => m.ProcessedAt!.Value);
        return SubscriptionConsent.PushedAsync(db, applied.SelectMany(m => choices[m]).ToList(), now, ct);
    }

    private (AsyncServiceScope, InboundMessageWriter) NewWriter()
    {
        var scope = scopes.CreateAsyncScope();
        return (scope, new InboundMessageWriter(scope.ServiceProvider.GetRequiredService<DaibanDbContext>()));
    }

    private void Complete(List<Pending> batch, bool[] stored)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var (message, _, done) = batch[i];
            if (stored[i] && message.IsPending)
                queue.Enqueue(message.DeduplicationKey);
            done?.TrySetResult(stored[i] ? Outcome.Recorded : Outcome.Duplicate);
        }
    }

    private async Task CloseAsync((AsyncServiceScope Scope, InboundMessageWriter Writer) lease)
    {
        try
        {
            await lease.Writer.DisposeAsync();
            await lease.Scope.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // The host's services are already gone (a test host torn down at once): nothing is left to close.
        }
    }
}
