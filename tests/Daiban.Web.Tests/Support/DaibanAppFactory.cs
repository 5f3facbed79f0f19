using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.WeChat.Emulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Daiban.Web.Tests.Support;

/// <summary>
/// The real application over the real HTTP pipeline, on a fresh database of the chosen provider and, for MariaDB,
/// the real Redis. Settings go in with UseSetting because Program reads them before Build().
/// Pass <paramref name="sharedDatabase"/> to run a second instance on the first one's database,
/// <paramref name="services"/> to replace a service (e.g. the clock).
/// </summary>
public class DaibanAppFactory(
    DatabaseProvider provider,
    string? redis = null,
    bool demoData = false,
    TestDatabase? sharedDatabase = null,
    IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _ownsDatabase = sharedDatabase is null;

    public TestDatabase Database { get; } = sharedDatabase ?? new TestDatabase(provider);

    public async Task InitializeAsync()
    {
        if (_ownsDatabase)
            await Database.InitializeAsync();
        _ = Services; // start the host: migrations run as the application starts them
    }

    /// <summary>Runs <paramref name="test"/> on a host of its own (MariaDB + Redis) with <paramref name="settings"/>, then disposes it.</summary>
    public static async Task WithOwnHostAsync(Dictionary<string, string> settings, Func<DaibanAppFactory, Task> test, bool demoData = false)
    {
        var app = new DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis, demoData, settings: settings);
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            await test(app);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    /// <summary>A client signed in to the mini-program as <paramref name="openId"/>, through the emulator's login code.</summary>
    public async Task<HttpClient> MiniProgramUserAsync(string openId)
    {
        var client = CreateClient();
        var code = (await (await client.PostAsJsonAsync("/_wx/test/login-code", new { openid = openId })).Content.ReadFromJsonAsync<Dictionary<string, string>>())!["code"];
        var login = await (await client.PostAsJsonAsync("/api/mp/auth/login", new { code })).Content.ReadFromJsonAsync<Daiban.Web.Accounts.LoginResponse>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login!.Token);
        return client;
    }

    /// <summary>A client whose connections come from <paramref name="address"/> (a browser, or nginx in front).</summary>
    public HttpClient ClientFrom(string address) =>
        new(Server.CreateHandler(c => c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address))) { BaseAddress = Server.BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MySql", Database.MySqlConnectionString ?? "");
        builder.UseSetting("ConnectionStrings:Redis", redis ?? "");
        builder.UseSetting("Database:SqlitePath", Database.SqlitePath ?? "unused.db");
        builder.UseSetting("Database:AutoMigrate", "true");
        builder.UseSetting("Database:SeedDemoData", demoData ? "true" : "false");
        builder.UseSetting("Auth:SigningKey", "daiban-integration-tests-signing-key-0123456789");
        builder.UseSetting("Jobs:PollingInterval", "00:00:01");
        builder.UseSetting("Jobs:NotificationDispatchCron", "* * * * * *");
        // Each test host gets its own Redis key space unless it shares one on purpose.
        builder.UseSetting("SharedStore:KeyPrefix", $"daiban-test:{Database.Id}:");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        // The emulator's push sender reaches this in-memory server instead of a socket.
        builder.ConfigureTestServices(s =>
        {
            // On a loaded machine Hangfire's server can take longer than the default 30 s to stop;
            // a slow stop is not a failure of the test that ran.
            s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
            s.AddHttpClient(EmulatorPushSender.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler())
                .ConfigureHttpClient(c => c.BaseAddress = new Uri("http://localhost/"));
            services?.Invoke(s);
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
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
