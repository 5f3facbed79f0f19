using Daiban.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Core.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    MySql,
}

/// <summary>Which database Daiban talks to, decided once at start-up from configuration.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string ServerVersion)
{
    /// <summary>What migrations and SQL are generated for; MariaDB 10.11 unless configured (never auto-detected).</summary>
    public const string DefaultServerVersion = "10.11.0-mariadb";

    public static DatabaseSettings From(string? mySqlConnectionString, string? serverVersion, string sqlitePath) =>
        string.IsNullOrWhiteSpace(mySqlConnectionString)
            ? new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={sqlitePath}", "")
            : new DatabaseSettings(DatabaseProvider.MySql, mySqlConnectionString, string.IsNullOrWhiteSpace(serverVersion) ? DefaultServerVersion : serverVersion);
}

public static class DatabaseSetup
{
    /// <summary>Registers the provider's context and exposes it as <see cref="DaibanDbContext"/>.</summary>
    public static IServiceCollection AddDaibanDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<Notices>();
        services.AddSingleton<NoticeInterceptor>();
        services.AddSingleton<NotificationCommitSignal>();
        if (settings.Provider == DatabaseProvider.MySql)
        {
            services.AddDbContext<MySqlDaibanDbContext>((sp, o) => SignalCommits(sp,
                ConfigureMySql(o, settings.ConnectionString, settings.ServerVersion,
                    sp.GetRequiredService<NoticeInterceptor>())));
            services.AddScoped<DaibanDbContext>(sp => sp.GetRequiredService<MySqlDaibanDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteDaibanDbContext>((sp, o) => SignalCommits(sp,
                ConfigureSqlite(o, settings.ConnectionString, sp.GetRequiredService<NoticeInterceptor>())));
            services.AddScoped<DaibanDbContext>(sp => sp.GetRequiredService<SqliteDaibanDbContext>());
        }
        return services;
    }

    /// <summary>
    /// Committed notifications wake the dispatcher when the host registered an <see cref="INotificationSignal"/>.
    /// </summary>
    private static void SignalCommits(IServiceProvider services, DbContextOptionsBuilder o)
    {
        if (services.GetService<INotificationSignal>() is not null)
            o.AddInterceptors(services.GetRequiredService<NotificationCommitSignal>());
    }

    /// <summary>Every context gets the notice interceptor: a unit of work that records events tells people.</summary>
    public static DbContextOptionsBuilder ConfigureMySql(DbContextOptionsBuilder o, string connectionString,
        string serverVersion, NoticeInterceptor notices) =>
        o.UseMySql(connectionString, Microsoft.EntityFrameworkCore.ServerVersion.Parse(serverVersion), m =>
        {
            m.MigrationsHistoryTable("__ef_migrations_history");
        }).AddInterceptors(notices);

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string connectionString,
        NoticeInterceptor notices) =>
        o.UseSqlite(connectionString, s => s.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(SqliteConnectionSettings.Instance, notices);

    /// <summary>Creates a context outside DI (tools, tests, benchmarks).</summary>
    public static DaibanDbContext CreateContext(DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.MySql)
        {
            var b = new DbContextOptionsBuilder<MySqlDaibanDbContext>();
            ConfigureMySql(b, settings.ConnectionString, settings.ServerVersion, new NoticeInterceptor(new Notices()));
            return new MySqlDaibanDbContext(b.Options);
        }
        var s = new DbContextOptionsBuilder<SqliteDaibanDbContext>();
        ConfigureSqlite(s, settings.ConnectionString, new NoticeInterceptor(new Notices()));
        return new SqliteDaibanDbContext(s.Options);
    }
}

/// <summary>Used by <c>dotnet ef</c> only: no server is contacted to generate MySQL migrations.</summary>
internal sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlDaibanDbContext>
{
    public MySqlDaibanDbContext CreateDbContext(string[] args) =>
        (MySqlDaibanDbContext)DatabaseSetup.CreateContext(new DatabaseSettings(DatabaseProvider.MySql,
            "Server=127.0.0.1;Database=daiban;User=daiban;", DatabaseSettings.DefaultServerVersion));
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDaibanDbContext>
{
    public SqliteDaibanDbContext CreateDbContext(string[] args) =>
        (SqliteDaibanDbContext)DatabaseSetup.CreateContext(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db", ""));
}
