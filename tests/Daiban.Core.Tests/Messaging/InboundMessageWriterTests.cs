using Daiban.Core.Messaging;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Tests.Messaging;

/// <summary>The pushes' batch insert on both databases: new rows stored exactly as EF would, repeats skipped and reported.</summary>
public abstract class InboundMessageWriterTests(DatabaseProvider provider) : MigratedDatabaseTest(provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 30, 15, TimeSpan.FromHours(8));

    private static InboundMessage Message(string key, string? content = "你好，施工许可要多久？") =>
        new("MiniProgram", key, "oUser1", "text", null, content, "{\"Content\":\"你好\"}", T0);

    [Fact]
    public async Task NewRows_AreStoredWithEveryValue_AsEfReadsThem()
    {
        var ignored = Message("msg:2");
        ignored.MarkProcessed("ignored event/user_enter_tempsession", T0.AddSeconds(1));
        await using (var db = Database.NewContext())
        await using (var writer = new InboundMessageWriter(db))
            Assert.Equal(new[] { true, true }, await writer.InsertNewAsync([Message("msg:1"), ignored], default));

        await using var read = Database.NewContext();
        var rows = await read.InboundMessages.OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(["msg:1", "msg:2"], rows.Select(r => r.DeduplicationKey));
        Assert.Equal("你好，施工许可要多久？", rows[0].Content);
        Assert.Equal(T0, rows[0].ReceivedAt);
        Assert.Null(rows[0].ProcessedAt);
        Assert.True(rows[0].IsPending);
        Assert.Equal(T0.AddSeconds(1), rows[1].ProcessedAt);
        Assert.Equal("ignored event/user_enter_tempsession", rows[1].Outcome);
        Assert.True(rows[1].Id > rows[0].Id);
    }

    [Fact]
    public async Task RepeatedKeys_InTheBatchOrAlreadyStored_AreSkippedAndReported_TheRestStored()
    {
        await using (var db = Database.NewContext())
        await using (var writer = new InboundMessageWriter(db))
            await writer.InsertNewAsync([Message("msg:1")], default);

        // A second writer (another instance) meets the first one's row; one writer serves many batches.
        await using (var db = Database.NewContext())
        await using (var writer = new InboundMessageWriter(db))
        {
            Assert.Equal(new[] { true, false, true, false }, await writer.InsertNewAsync([Message("msg:2"), Message("msg:1", "改过的内容"), Message("msg:3"), Message("msg:2")], default));
            Assert.Equal(new[] { false, true }, await writer.InsertNewAsync([Message("msg:3"), Message("msg:4")], default));
        }

        await using var read = Database.NewContext();
        Assert.Equal(["msg:1", "msg:2", "msg:3", "msg:4"], await read.InboundMessages.OrderBy(m => m.Id).Select(m => m.DeduplicationKey).ToListAsync());
        Assert.Equal("你好，施工许可要多久？", await read.InboundMessages.Where(m => m.DeduplicationKey == "msg:1").Select(m => m.Content).SingleAsync());
    }

    [Fact]
    public async Task AFullBatch_IsOneStatement_AndAFullBatchWithOneRepeat_StillStoresTheRest()
    {
        await using var db = Database.NewContext();
        await using var writer = new InboundMessageWriter(db);
        var first = Enumerable.Range(0, 256).Select(i => Message($"msg:{i}")).ToList();
        Assert.All(await writer.InsertNewAsync(first, default), Assert.True);

        var second = Enumerable.Range(255, 256).Select(i => Message($"msg:{i}")).ToList();
        var stored = await writer.InsertNewAsync(second, default);

        Assert.False(stored[0]);
        Assert.All(stored.Skip(1), Assert.True);
        Assert.Equal(511, await db.InboundMessages.CountAsync());
    }

    [Fact]
    public async Task AnEmptyBatch_WritesNothing()
    {
        await using var db = Database.NewContext();
        await using var writer = new InboundMessageWriter(db);
        Assert.Empty(await writer.InsertNewAsync([], default));
        Assert.Equal(0, await db.InboundMessages.CountAsync());
    }
}

[Collection(Persistence.DatabaseCollection.Name)]
public sealed class InboundMessageWriterMariaDbTests() : InboundMessageWriterTests(DatabaseProvider.MySql);

[Collection(Persistence.DatabaseCollection.Name)]
public sealed class InboundMessageWriterSqliteTests() : InboundMessageWriterTests(DatabaseProvider.Sqlite);
