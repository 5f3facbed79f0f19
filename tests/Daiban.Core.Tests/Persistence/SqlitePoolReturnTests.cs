using Daiban.Core.Persistence;
using Daiban.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Daiban.Core.Tests.Persistence;

/// <summary>
/// A pooled SQLite connection goes back to the pool even when a statement on it is still stepping, as happens when
/// a reader is dropped without being disposed: returning it must not fail the request whose work already committed.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class SqlitePoolReturnTests() : MigratedDatabaseTest(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task ClosingWithAStatementStillStepping_ReturnsTheConnection()
    {
        var db = Database.NewContext();
        await db.Database.OpenConnectionAsync();
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(handle, "SELECT 1 UNION ALL SELECT 2", out var stepping));
        Assert.Equal(raw.SQLITE_ROW, raw.sqlite3_step(stepping));

        await db.DisposeAsync();

        Assert.Equal(0, raw.sqlite3_stmt_busy(stepping));
        raw.sqlite3_finalize(stepping);
        await using var again = Database.NewContext();
        Assert.Equal(0, await again.MiniProgramUsers.CountAsync());
    }
}
