using Daiban.Core.Persistence;
using Daiban.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Platform;

/// <summary>
/// A fresh migrated database of one kind and the app's database services, for a test of one background part (the
/// push recorder, the processor) without a whole host.
/// </summary>
public abstract class DatabaseServicesTest(DatabaseProvider provider) : MigratedDatabaseTest(provider)
{
    protected ServiceProvider Services { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Services = new ServiceCollection().AddDaibanDatabase(Database.Settings).BuildServiceProvider();
    }

    public override async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await base.DisposeAsync();
    }
}
