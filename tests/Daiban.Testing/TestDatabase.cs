using Daiban.Core.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;
using Xunit;

namespace Daiban.Testing;

/// <summary>A fresh, migrated database on a real server (MariaDB) or in a temporary SQLite file, dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;
    private string? _sqliteFile;
    private string? _mysqlName;

    public TestDatabase(DatabaseProvider provider) => _provider = provider;

    public DatabaseSettings Settings { get; private set; } = null!;

    /// <summary>Unique per database, for anything else that must be isolated with it (Redis key prefixes).</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>The connection string the application should be given (ConnectionStrings:MySql), or null for SQLite.</summary>
    public string? MySqlConnectionString => _provider == DatabaseProvider.MySql ? Settings.ConnectionString : null;

    public string? SqlitePath => _sqliteFile;

    public DaibanDbContext NewContext() => DatabaseSetup.CreateContext(Settings);

    public async Task InitializeAsync()
    {
        if (_provider == DatabaseProvider.MySql)
        {
            _mysqlName = $"daiban_t_{Guid.NewGuid():N}"[..24];
            await using (var conn = new MySqlConnection(TestServers.MySqlServer))
            {
                await conn.OpenAsync();
                await using var cmd = new MySqlCommand($"CREATE DATABASE `{_mysqlName}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            Settings = new DatabaseSettings(DatabaseProvider.MySql, $"{TestServers.MySqlServer};Database={_mysqlName}", DatabaseSettings.DefaultServerVersion);
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"daiban-test-{Guid.NewGuid():N}.db");
            Settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={_sqliteFile}", "");
        }
    }

    /// <summary>Applies migrations and reference data the way the migrate command does.</summary>
    public async Task MigrateAsync(bool demoData = false)
    {
        await using var db = NewContext();
        await new DatabaseMigrator(db, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(demoData, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_mysqlName is not null)
        {
            await using var conn = new MySqlConnection(TestServers.MySqlServer);
            await conn.OpenAsync();
            await using var cmd = new MySqlCommand($"DROP DATABASE IF EXISTS `{_mysqlName}`", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }
    }
}
