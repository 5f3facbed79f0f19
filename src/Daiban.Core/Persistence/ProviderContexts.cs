using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Daiban.Core.Persistence;

/// <summary>MySQL 8 / MariaDB 10.11 through Pomelo; owns Persistence/Migrations/MySql.</summary>
public sealed class MySqlDaibanDbContext(DbContextOptions<MySqlDaibanDbContext> options) : DaibanDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasCharSet("utf8mb4");
        // Pieces are folded when written; a case-insensitive collation would call two distinct pieces one key.
        modelBuilder.Entity<Search.EnterpriseNameTerm>().Property(t => t.Term).UseCollation("utf8mb4_bin");
        modelBuilder.Entity<Search.ProjectNameTerm>().Property(t => t.Term).UseCollation("utf8mb4_bin");
        modelBuilder.Entity<Search.ContactNameTerm>().Property(t => t.Term).UseCollation("utf8mb4_bin");
    }
}

/// <summary>The embedded default; owns Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteDaibanDbContext(DbContextOptions<SqliteDaibanDbContext> options) : DaibanDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset values; as UTC ticks they compare correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    // Set by SqliteConnectionSettings when a connection opens: a context that never opened one (most scopes of a
    // cached read) has nothing to reset and is not made to create a connection object only to look.
    private bool _openedConnection;
    private bool _disposed;

    internal void MarkConnectionOpened() => _openedConnection = true;

    // Disposing closes the connection without the interceptors seeing it; leftovers are reset here first. A scope
    // disposes this context twice (it is registered as itself and as DaibanDbContext).
    public override void Dispose()
    {
        ResetSteppingStatementsOnce();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ResetSteppingStatementsOnce();
        return base.DisposeAsync();
    }

    private void ResetSteppingStatementsOnce()
    {
        if (_disposed || !_openedConnection)
            return;
        _disposed = true;
        try
        {
            SqliteConnectionSettings.ResetSteppingStatements(Database.GetDbConnection());
        }
        catch (ObjectDisposedException)
        {
            // Disposed from inside EF (or after the host's services went): no connection is left to return.
        }
    }
}
