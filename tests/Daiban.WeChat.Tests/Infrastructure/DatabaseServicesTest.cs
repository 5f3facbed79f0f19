using Daiban.Core.Persistence;
using Daiban.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.WeChat.Tests.Infrastructure;

/// <summary>
/// A fresh migrated database of one kind and the app's database services, for a test of one background part (the
/// push recorder, the processor) without a whole host.
/// </summary>
public abstract class DatabaseServicesTest(DatabaseProvider provider) : IAsyncLifetime
{
    protected TestDatabase Database { get; } = new(provider);

    protected ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
        Services = new ServiceCollection().AddDaibanDatabase(Database.Settings).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
