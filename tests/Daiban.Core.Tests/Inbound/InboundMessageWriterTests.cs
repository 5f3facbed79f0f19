using Daiban.Core.Inbound;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Tests.Messaging;

/// <summary>The pushes' batch insert on both databases: new rows stored exactly as EF would, repeats skipped and reported.</summary>
public abstract class InboundMessageWriterTests(DatabaseProvider provider) : MigratedDatabaseTest(provider)
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 30, 15, TimeSpan.FromHours(8));

    protected static InboundMessage Message(string key, string? content = "你好，施工许可要多久？") =>
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

    [Fact]
    public async Task WorkDoneAlongside_IsGivenTheNewRowsOnly_AndSavedWithThem()
    {
        await using var db = Database.NewContext();
        await using var writer = new InboundMessageWriter(db);
        await writer.InsertNewAsync([Message("msg:1")], default);

        var given = new List<string>();
        var stored = await writer.InsertNewAsync([Message("msg:1"), Message("msg:2"), Message("msg:2")], (context, rows, _) =>
        {
            given.AddRange(rows.Select(r => r.DeduplicationKey));
            context.SubscriptionQuotas.Add(new SubscriptionQuota("oUser1", "T1", T0));
            return Task.CompletedTask;
        }, default);

        Assert.Equal(new[] { false, true, false }, stored);
        Assert.Equal(["msg:2"], given);
        await using var read = Database.NewContext();
        Assert.Equal(1, await read.SubscriptionQuotas.CountAsync());
        // Nothing the batch's work tracked is left in the writer's context for the next batch.
        Assert.Empty(db.ChangeTracker.Entries());
        // A batch with no new row has nothing to work.
        await writer.InsertNewAsync([Message("msg:2")], (_, _, _) => throw new InvalidOperationException("not called"), default);
    }

    [Fact]
    public async Task WhenTheWorkAlongsideFails_NeitherTheRowsNorTheWorkAreStored_AndTheWriterGoesOn()
    {
        await using var db = Database.NewContext();
        await using var writer = new InboundMessageWriter(db);

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.InsertNewAsync([Message("msg:1"), Message("msg:2")], (context, _, _) =>
        {
            context.SubscriptionQuotas.Add(new SubscriptionQuota("oUser1", "T1", T0));
            throw new InvalidOperationException("the work failed");
        }, default));

        await using (var read = Database.NewContext())
        {
            Assert.Equal(0, await read.InboundMessages.CountAsync());
            Assert.Equal(0, await read.SubscriptionQuotas.CountAsync());
        }
        // WeChat retries the same pushes: they are new, and what the failed work tracked is gone.
        Assert.Equal(new[] { true, true }, await writer.InsertNewAsync([Message("msg:1"), Message("msg:2")], (context, _, _) =>
        {
            context.SubscriptionQuotas.Add(new SubscriptionQuota("oUser1", "T2", T0));
            return Task.CompletedTask;
        }, default));
        await using var after = Database.NewContext();
        Assert.Equal(2, await after.InboundMessages.CountAsync());
        Assert.Equal(["T2"], await after.SubscriptionQuotas.Select(q => q.TemplateId).ToListAsync());
    }
}

[Collection(Persistence.DatabaseCollection.Name)]
public sealed class InboundMessageWriterMariaDbTests() : InboundMessageWriterTests(DatabaseProvider.MySql)
{
    [Fact]
    public async Task WhenAnotherTransactionAddsTheSameRowFirst_TheBatchIsWrittenAgain_AndFindsIt()
    {
        await using var db = Database.NewContext();
        await using var writer = new InboundMessageWriter(db);
        var calls = 0;

        var stored = await writer.InsertNewAsync([Message("msg:1")], async (context, _, ct) =>
        {
            await SubscriptionConsent.PushedAsync(context, [new SubscriptionConsent.PushedChoice("oUser1", "T1", true)], T0, ct);
            if (++calls == 1)
            {
                // Between this batch's read (no quota yet) and its save, another instance's batch grants the same
                // user and template and commits first: this batch's new row meets the unique key.
                await using var other = Database.NewContext();
                await SubscriptionConsent.PushedAsync(other, [new SubscriptionConsent.PushedChoice("oUser1", "T1", true)], T0, ct);
                await other.SaveChangesAsync(ct);
            }
        }, default);

        Assert.Equal(new[] { true }, stored);
        Assert.Equal(2, calls);
        await using var read = Database.NewContext();
        Assert.Equal(1, await read.InboundMessages.CountAsync());
        // Both grants count, on one row: the first attempt's duplicate row was rolled back, the second found the other's.
        Assert.Equal(2, (await read.SubscriptionQuotas.SingleAsync()).Remaining);
    }
}

[Collection(Persistence.DatabaseCollection.Name)]
public sealed class InboundMessageWriterSqliteTests() : InboundMessageWriterTests(DatabaseProvider.Sqlite);
