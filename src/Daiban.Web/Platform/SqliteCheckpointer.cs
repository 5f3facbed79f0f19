using Daiban.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace Daiban.Web.Platform;

/// <summary>
/// Moves the embedded database's write-ahead log into the database file every ten seconds, on its own connection.
/// Every other connection has automatic checkpoints turned off (<c>SqliteConnectionSettings</c>): otherwise the
/// commit that happens to cross the threshold copies the whole log and syncs the file while a push waits for it,
/// which was the slowest 1 % of push answers. A passive checkpoint never blocks readers or the writer.
/// </summary>
internal sealed class SqliteCheckpointer(DatabaseSettings settings, TimeProvider clock, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = new SqliteConnection(settings.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (SqliteException e)
            {
                logger.LogWarning(e, "Could not checkpoint the embedded database's log");
            }
        }
    }
}
