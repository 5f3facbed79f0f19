using Daiban.Core.Persistence;
using Daiban.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Daiban.WeChat.Tests.Infrastructure;

/// <summary>
/// The real application over the real HTTP pipeline, on a fresh database of the chosen provider and, for MariaDB,
/// the real Redis. Settings go in with UseSetting because Program reads them before Build().
/// </summary>
public class DaibanAppFactory(DatabaseProvider provider, string? redis = null, bool demoData = false) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new(provider);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _ = Services; // start the host: migrations run as the application starts them
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MySql", Database.MySqlConnectionString ?? "");
        builder.UseSetting("ConnectionStrings:Redis", redis ?? "");
        builder.UseSetting("Database:SqlitePath", Database.SqlitePath ?? "unused.db");
        builder.UseSetting("Database:AutoMigrate", "true");
        builder.UseSetting("Database:SeedDemoData", demoData ? "true" : "false");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>MariaDB + Redis, as in production.</summary>
public sealed class ProductionLikeApp() : DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis);

/// <summary>Nothing configured: SQLite, in-process everything, demo data.</summary>
public sealed class EmbeddedApp() : DaibanAppFactory(DatabaseProvider.Sqlite, demoData: true);

/// <summary>Host tests share statics (Hangfire later) and ports: never in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostCollection : ICollectionFixture<ProductionLikeApp>, ICollectionFixture<EmbeddedApp>
{
    public const string Name = "host";
}
