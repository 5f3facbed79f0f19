using Daiban.Core.Persistence;
using Xunit;

namespace Daiban.Testing;

/// <summary>A test class that gets a fresh, migrated database of one kind for each test, dropped afterwards.</summary>
public abstract class MigratedDatabaseTest(DatabaseProvider provider) : IAsyncLifetime
{
    protected TestDatabase Database { get; } = new(provider);

    public virtual async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
    }

    public virtual Task DisposeAsync() => Database.DisposeAsync();
}
