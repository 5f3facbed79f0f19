using Daiban.Core.Inbound;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Tests.Messaging;

/// <summary>Old push records go, page by page; work still to do stays whatever its age.</summary>
public abstract class InboundMessageRetentionTests(DatabaseProvider provider) : MigratedDatabaseTest(provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 30, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Cutoff = Now.AddDays(-30);

    private static InboundMessage Push(string key, DateTimeOffset receivedAt, string state)
    {
        var m = new InboundMessage("MiniProgram", key, "oUser", "text", null, "施工许可要多久？", "{}", receivedAt);
        switch (state)
        {
            case "processed":
                m.MarkProcessed("answered", receivedAt.AddSeconds(1));
                break;
            case "given up":
                for (var i = 0; i < InboundMessage.MaxAttempts; i++)
                    m.MarkFailed("customer-service send 45015");
                break;
        }
        return m;
    }

    [Fact]
    public async Task FinishedPushesOlderThanTheCutoff_AreDeleted_WorkStillToDoAndRecentOnesStay()
    {
        await using (var db = Database.NewContext())
        {
            db.InboundMessages.AddRange(
                Push("old-processed-1", Cutoff.AddDays(-10), "processed"),
                Push("old-processed-2", Cutoff.AddDays(-1), "processed"),
                Push("old-processed-3", Cutoff.AddMinutes(-5), "processed"),
                Push("old-given-up", Cutoff.AddDays(-3), "given up"),
                Push("old-still-pending", Cutoff.AddDays(-40), "pending"),
                Push("recent-processed", Cutoff.AddMinutes(5), "processed"),
                Push("recent-given-up", Now.AddDays(-1), "given up"));
            await db.SaveChangesAsync();
        }

        await using (var db = Database.NewContext())
            // A page of two: the three old processed pushes take two pages, and every page is a delete of its own.
            Assert.Equal(4, await InboundMessageRetention.PurgeAsync(db, Cutoff, pageSize: 2, default));

        await using var read = Database.NewContext();
        Assert.Equal(["old-still-pending", "recent-given-up", "recent-processed"],
            await read.InboundMessages.OrderBy(m => m.DeduplicationKey).Select(m => m.DeduplicationKey).ToListAsync());
        await using var again = Database.NewContext();
        Assert.Equal(0, await InboundMessageRetention.PurgeAsync(again, Cutoff, pageSize: 2, default));
    }
}

[Collection(Persistence.DatabaseCollection.Name)]
public sealed class InboundMessageRetentionMariaDbTests() : InboundMessageRetentionTests(DatabaseProvider.MySql);

[Collection(Persistence.DatabaseCollection.Name)]
public sealed class InboundMessageRetentionSqliteTests() : InboundMessageRetentionTests(DatabaseProvider.Sqlite);
