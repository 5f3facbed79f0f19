using Daiban.Core.Inbound;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Daiban.Web.Tests.Platform;

/// <summary>The embedded database's log is checkpointed by the host, never by a commit a request waits for.</summary>
[Collection(Alone.Name)]
public sealed class SqliteCheckpointerTests() : MigratedDatabaseTest(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Connections_UseTheLogWithoutAutomaticCheckpoints_AndWaitForTheWriterInsteadOfFailing()
    {
        await using var db = Database.NewContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal("0", await ScalarAsync(connection, "PRAGMA wal_autocheckpoint;"));
        Assert.Equal("10000", await ScalarAsync(connection, "PRAGMA busy_timeout;"));
        Assert.Equal("2", await ScalarAsync(connection, "PRAGMA synchronous;"));
    }

    [Fact]
    public async Task WritesStayInTheLog_UntilTheCheckpointerTicks()
    {
        // SQLite also checkpoints when the last connection to a database closes, which other tests can cause at any
        // moment by clearing the connection pools: a connection of our own stays open throughout.
        await using var keepOpen = new Microsoft.Data.Sqlite.SqliteConnection(Database.Settings.ConnectionString + ";Pooling=False");
        await keepOpen.OpenAsync();
        await using (var db = Database.NewContext())
        await using (var writer = new InboundMessageWriter(db))
            await writer.InsertNewAsync(Enumerable.Range(0, 500).Select(i =>
                new InboundMessage("MiniProgram", $"msg:{i}", "oUser", "text", null, new string('问', 500), "{}", DateTimeOffset.UtcNow)).ToList(), default);
        var before = DatabaseFileBytes();
        await Task.Delay(200);
        Assert.Equal(before, DatabaseFileBytes());

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var checkpointer = new SqliteCheckpointer(Database.Settings, clock, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(default);
        for (var i = 0; i < 100 && DatabaseFileBytes() == before; i++)
        {
            clock.Advance(SqliteCheckpointer.Interval);
            await Task.Delay(20);
        }
        await checkpointer.StopAsync(default);

        // The rows' pages (500 × ~1.5 KB) reached the database file itself.
        Assert.True(DatabaseFileBytes() >= before + 500_000, $"database file {DatabaseFileBytes()} bytes, was {before}");
    }

    private long DatabaseFileBytes() => new FileInfo(Database.SqlitePath!).Length;

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Runs after every other test, by itself: SQLite checkpoints a database when its last connection closes, and other
/// tests clear the process's connection pools at any moment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "alone";
}
