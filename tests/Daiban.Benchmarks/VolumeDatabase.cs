using Daiban.Core.Persistence;
using Daiban.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;

namespace Daiban.Benchmarks;

/// <summary>A named database kept on the test MariaDB for the volume tools: seeded once, measured many times.</summary>
internal static class VolumeDatabase
{
    public static DatabaseSettings Settings(string database) => new(DatabaseProvider.MySql,
        $"{TestServers.MySqlServer};Database={database};Default Command Timeout=600",
        DatabaseSettings.DefaultServerVersion);

    public static async Task<DatabaseSettings> RecreateAsync(string database)
    {
        if (!database.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            throw new ArgumentException("database names are letters, digits and _", nameof(database));
        await using (var conn = new MySqlConnection(TestServers.MySqlServer))
        {
            await conn.OpenAsync();
            await using var cmd = new MySqlCommand($"DROP DATABASE IF EXISTS `{database}`; CREATE DATABASE " +
                $"`{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var settings = Settings(database);
        await using var db = DatabaseSetup.CreateContext(settings);
        await new DatabaseMigrator(db, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance)
            .MigrateAsync(false, CancellationToken.None);
        return settings;
    }

    public static async Task PrintRowCountsAsync(DatabaseSettings settings)
    {
        await using var conn = new MySqlConnection(settings.ConnectionString);
        await conn.OpenAsync();
        foreach (var table in new[] { "cases", "case_items", "case_log_entries", "case_evaluations", "callbacks",
                     "rectifications", "notifications", "case_archives", "enterprises" })
        {
            await using var cmd = new MySqlCommand($"SELECT COUNT(*) FROM `{table}`", conn);
            try
            {
                Console.WriteLine($"  {table}: {Convert.ToInt64(await cmd.ExecuteScalarAsync()):N0}");
            }
            catch (MySqlException e)
            {
                Console.WriteLine($"  {table}: {e.Message}");
            }
        }
    }
}
