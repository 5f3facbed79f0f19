using Daiban.Core.Persistence;

namespace Daiban.WeChat.Push;

/// <summary>
/// SQLite has one writer at a time, and a writer that finds the lock taken sleeps in SQLite's busy handler for
/// 1, 2, 5, 10, 15 … ms, however soon the lock is released: when the push recorder met the processor's commit, an
/// answer waited 20–30 ms. On the embedded database the two take turns here instead and the next one starts the
/// moment the other finishes. MariaDB locks rows, not the database, so there the gate lets everyone through.
/// </summary>
public sealed class InboundWriteGate(DatabaseSettings settings)
{
    private readonly SemaphoreSlim? _turn = settings.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    /// <summary>
    /// How many batches of pushes may be written at once. One on SQLite (they would only queue for its lock); several
    /// on MariaDB, whose group commit syncs concurrent transactions together: with one batch at a time the pushes
    /// that arrive during a commit can only wait for it to end, and the commit's latency caps the throughput.
    /// </summary>
    public int ConcurrentBatches => _turn is null ? 4 : 1;

    /// <summary>
    /// Whether a subscription choice's quota work is done in the transaction that records the push, rather than by the
    /// processor after the answer. On SQLite every commit takes the one write lock, so the processor's two commits per
    /// batch (claim, save) held up the recording of the next pushes: doing the work while recording took durable choice
    /// pushes from 12 % to 15–17 % of bare throughput. On MariaDB writers run side by side, and the answer waiting for
    /// the quota round trips cost more than it saved (11–12 % → 8 %, p99 at 500/s 17–20 ms → 20–32 ms): there the push
    /// is answered once stored and the processor applies its choices.
    /// </summary>
    public bool WorksChoicesWhileRecording => _turn is not null;

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        if (_turn is null)
            return await write();
        await _turn.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            _turn.Release();
        }
    }

    public Task RunAsync(Func<Task> write, CancellationToken ct) => RunAsync(async () =>
    {
        await write();
        return true;
    }, ct);
}
