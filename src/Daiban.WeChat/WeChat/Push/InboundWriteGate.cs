using Daiban.Core.Persistence;

namespace Daiban.WeChat.WeChat.Push;

/// <summary>
/// SQLite has one writer at a time, and a writer that finds the lock taken sleeps in SQLite's busy handler for
/// 1, 2, 5, 10, 15 … ms, however soon the lock is released: when the push recorder met the processor's commit, an
/// answer waited 20–30 ms. On the embedded database the two take turns here instead and the next one starts the
/// moment the other finishes. MariaDB locks rows, not the database, so there the gate lets everyone through.
/// </summary>
public sealed class InboundWriteGate(DatabaseSettings settings)
{
    private readonly SemaphoreSlim? _turn = settings.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

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
