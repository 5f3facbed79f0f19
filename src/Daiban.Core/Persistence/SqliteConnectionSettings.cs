using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Daiban.Core.Persistence;

/// <summary>
/// The embedded database's settings, applied on every opened connection. Write-ahead logging lets readers run
/// beside the writer; SQLite's own busy handler (a few milliseconds at a time) replaces Microsoft.Data.Sqlite's
/// retry, which sleeps 150 ms whenever two writers meet and showed up as 300 ms tail latency on the push endpoint.
/// Commits still sync the log (synchronous = FULL): a push answered "success" survives a power cut. Automatic
/// checkpoints are off: the host checkpoints on its own connection (SqliteCheckpointer), off every request's path;
/// without a host (tools, tests) the log is checkpointed when the last connection closes.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA wal_autocheckpoint = 0;";

    public static readonly SqliteConnectionSettings Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = PragmaCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = PragmaCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand PragmaCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        return command;
    }
}
