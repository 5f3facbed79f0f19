using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Daiban.Core.Persistence;

/// <summary>
/// The embedded database's settings, applied on every opened connection. Write-ahead logging lets readers run
/// beside the writer; SQLite's own busy handler (a few milliseconds at a time) replaces Microsoft.Data.Sqlite's
/// retry, which sleeps 150 ms whenever two writers meet and showed up as 300 ms tail latency on the push endpoint.
/// Commits still sync the log (synchronous = FULL): a push answered "success" survives a power cut. Automatic
/// checkpoints are off: the host checkpoints on its own connection (SqliteCheckpointer), off every request's path;
/// without a host (tools, tests) the log is checkpointed when the last connection closes.
/// A pooled connection that goes back with a statement still stepping (a reader dropped undisposed, its finalizer
/// not yet run) makes the pool's return fail with "unable to delete/modify user-function due to active statements"
/// after the work committed; closing resets such leftovers, as nothing may use the connection past its close.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
        + "PRAGMA busy_timeout = 10000; PRAGMA wal_autocheckpoint = 0;";

    public static readonly SqliteConnectionSettings Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        TrackStatements(connection, eventData);
        using var command = PragmaCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        TrackStatements(connection, eventData);
        await using var command = PragmaCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result)
    {
        ResetSteppingStatements(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection,
        ConnectionEventData eventData, InterceptionResult result)
    {
        ResetSteppingStatements(connection);
        return ValueTask.FromResult(result);
    }

    // Statements are enumerable only when tracked from before they were prepared; a pooled handle keeps it on.
    private static void TrackStatements(DbConnection connection, ConnectionEndEventData eventData)
    {
        (eventData.Context as SqliteDaibanDbContext)?.MarkConnectionOpened();
        if (connection is SqliteConnection { Handle: { } handle })
            handle.enable_sqlite3_next_stmt(true);
    }

    internal static void ResetSteppingStatements(DbConnection connection)
    {
        if (connection is not SqliteConnection { State: System.Data.ConnectionState.Open, Handle: { } handle })
            return;
        for (var statement = raw.sqlite3_next_stmt(handle, null); statement is not null;
             statement = raw.sqlite3_next_stmt(handle, statement))
        {
            if (raw.sqlite3_stmt_busy(statement) != 0)
                raw.sqlite3_reset(statement);
        }
    }

    private static DbCommand PragmaCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        return command;
    }
}
