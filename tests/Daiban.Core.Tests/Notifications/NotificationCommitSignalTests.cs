using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Core.Tests.Notifications;

/// <summary>
/// When the dispatcher is told: after a save that added notifications has committed — right after the save on
/// its own, after the commit of an explicit transaction — and never for a rollback or a save without any.
/// </summary>
public abstract class NotificationCommitSignalTests(DatabaseProvider provider) : MigratedDatabaseTest(provider)
{
    private sealed class CountingSignal : INotificationSignal
    {
        public int Count;

        public void NotificationsCommitted() => Interlocked.Increment(ref Count);
    }

    private readonly CountingSignal _signal = new();
    private ServiceProvider _services = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _services = new ServiceCollection().AddSingleton<INotificationSignal>(_signal)
            .AddDaibanDatabase(Database.Settings).BuildServiceProvider();
    }

    public override async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await base.DisposeAsync();
    }

    private static Notification Notice(string key) =>
        new(key, RecipientKind.Staff, 1, NotificationChannel.Template, "case-update",
            "测试", new NoticeFields { Summary = "测试" }, NoticeTarget.None, null, DateTimeOffset.UtcNow);

    private async Task WithContextAsync(Func<DaibanDbContext, Task> work)
    {
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<DaibanDbContext>());
    }

    [Fact]
    public async Task ASaveThatAddsNotifications_SignalsOnce_AndOtherSavesDoNot()
    {
        await WithContextAsync(async db =>
        {
            db.Notifications.AddRange(Notice("signal:1"), Notice("signal:2"));
            await db.SaveChangesAsync();
            Assert.Equal(1, _signal.Count);

            db.AuditEntries.Add(new Daiban.Core.Auditing.AuditEntry(Daiban.Core.Common.Actor.System,
                "test", "Test", "1", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            Assert.Equal(1, _signal.Count);
        });
    }

    [Fact]
    public async Task InAnExplicitTransaction_TheSignalWaitsForTheCommit_AndARollbackSendsNone()
    {
        await WithContextAsync(async db =>
        {
            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                db.Notifications.Add(Notice("signal:rolled-back"));
                await db.SaveChangesAsync();
                await rolledBack.RollbackAsync();
            }
            Assert.Equal(0, _signal.Count);
            db.ChangeTracker.Clear();

            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notifications.Add(Notice("signal:committed"));
            await db.SaveChangesAsync();
            Assert.Equal(0, _signal.Count);
            await transaction.CommitAsync();
            Assert.Equal(1, _signal.Count);
        });
    }
}

[Collection(Persistence.DatabaseCollection.Name)]
public sealed class MariaDbNotificationCommitSignalTests() : NotificationCommitSignalTests(DatabaseProvider.MySql);

[Collection(Persistence.DatabaseCollection.Name)]
public sealed class SqliteNotificationCommitSignalTests() : NotificationCommitSignalTests(DatabaseProvider.Sqlite);
