using Daiban.Core.Inbound;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.WeChat.Push;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Daiban.Web.Tests.WeChat;

/// <summary>The recorder on both databases: waiting pushes are durable when answered; nothing queued is lost on stop.</summary>
public abstract class InboundRecorderTests(DatabaseProvider provider) : DatabaseServicesTest(provider)
{
    private readonly Logged _log = new();

    private InboundRecorder NewRecorder(InboundMessageQueue queue) =>
        new(Services.GetRequiredService<IServiceScopeFactory>(), queue, new InboundWriteGate(Database.Settings), _log);

    /// <summary>What the recorder logged, shown when an assertion fails.</summary>
    private sealed class Logged : ILogger<InboundRecorder>
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"{logLevel} {formatter(state, exception)} {exception}");

        public override string ToString() => string.Join("\n", Lines);
    }

    private static InboundMessage Push(string key, bool needsWork)
    {
        var m = new InboundMessage("MiniProgram", key, "oUser", needsWork ? "text" : "event", needsWork ? null : "user_enter_tempsession",
            needsWork ? "施工许可要多久？" : null, "{}", DateTimeOffset.UtcNow);
        if (!needsWork)
            m.MarkProcessed("ignored event/user_enter_tempsession", DateTimeOffset.UtcNow);
        return m;
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var db = Database.NewContext();
        return await db.InboundMessages.OrderBy(m => m.Id).Select(m => m.DeduplicationKey).ToListAsync();
    }

    [Fact]
    public async Task AWaitingPush_IsStoredWhenAnswered_QueuedForWork_AndARepeatIsADuplicate()
    {
        var queue = new InboundMessageQueue();
        var recorder = NewRecorder(queue);
        await recorder.StartAsync(default);

        Assert.Equal(InboundRecorder.Outcome.Recorded, await recorder.RecordAsync(Push("msg:1", needsWork: true), default));
        Assert.Equal(["msg:1"], await StoredKeysAsync());
        Assert.True(queue.Reader.TryRead(out var queued));
        Assert.Equal("msg:1", queued);

        Assert.Equal(InboundRecorder.Outcome.Duplicate, await recorder.RecordAsync(Push("msg:1", needsWork: true), default));
        Assert.False(queue.Reader.TryRead(out _));
        await recorder.StopAsync(default);
    }

    [Fact]
    public async Task Stopping_WritesWhatIsStillQueuedBehind_AndQueuesNoneOfItForWork()
    {
        var queue = new InboundMessageQueue();
        var recorder = NewRecorder(queue);
        await recorder.StartAsync(default);

        for (var i = 0; i < 50; i++)
            recorder.RecordBehind(Push($"evt:{i}", needsWork: false));
        await recorder.StopAsync(default);

        var stored = (await StoredKeysAsync()).Count;
        Assert.True(stored == 50, $"{stored} of 50 stored; the recorder logged: {_log}");
        Assert.False(queue.Reader.TryRead(out _));
        Assert.Throws<InvalidOperationException>(() => recorder.RecordBehind(Push("evt:late", needsWork: false)));
    }

    [Fact]
    public async Task ManyCopiesOfManyPushesAtOnce_AreEachStoredOnce_AndEveryCopyAnswered()
    {
        var queue = new InboundMessageQueue();
        var recorder = NewRecorder(queue);
        await recorder.StartAsync(default);

        // WeChat's copies of one push, from several instances' retries, arrive while other batches are being written.
        var copies = Enumerable.Range(0, 3).SelectMany(_ => Enumerable.Range(0, 200)).ToList();
        var outcomes = await Task.WhenAll(copies.Select(i => Task.Run(() => recorder.RecordAsync(Push($"msg:{i}", needsWork: true), default))));
        await recorder.StopAsync(default);

        Assert.Equal(200, outcomes.Count(o => o == InboundRecorder.Outcome.Recorded));
        Assert.Equal(400, outcomes.Count(o => o == InboundRecorder.Outcome.Duplicate));
        var stored = await StoredKeysAsync();
        Assert.Equal(200, stored.Distinct().Count());
        Assert.Equal(200, stored.Count);
        var queued = new List<string>();
        while (queue.Reader.TryRead(out var key))
            queued.Add(key);
        Assert.Equal(stored.Order(), queued.Order());
    }

    private static InboundMessage Popup(string key, string openId)
    {
        var m = new InboundMessage("MiniProgram", key, openId, "event", "subscribe_msg_popup_event", null, "{}", DateTimeOffset.UtcNow);
        m.MarkProcessed("subscriptions 1 accepted, 0 rejected", DateTimeOffset.UtcNow);
        return m;
    }

    private static SubscriptionConsent.PushedChoice[] Accept(string openId, string templateId) => [new(openId, templateId, true)];

    private async Task<Dictionary<string, int>> RemainingAsync()
    {
        await using var db = Database.NewContext();
        return await db.SubscriptionQuotas.ToDictionaryAsync(q => $"{q.OpenId}/{q.TemplateId}", q => q.Remaining);
    }

    [Fact]
    public async Task ASubscriptionChoice_IsAppliedByTheTimeItIsAnswered_AndARepeatAppliesNothing()
    {
        var queue = new InboundMessageQueue();
        var recorder = NewRecorder(queue);
        await recorder.StartAsync(default);

        Assert.Equal(InboundRecorder.Outcome.Recorded, await recorder.RecordAsync(Popup("evt:1", "oA"), Accept("oA", "T1"), default));
        Assert.Equal(new Dictionary<string, int> { ["oA/T1"] = 1 }, await RemainingAsync());
        Assert.Equal(InboundRecorder.Outcome.Duplicate, await recorder.RecordAsync(Popup("evt:1", "oA"), Accept("oA", "T1"), default));
        Assert.Equal(new Dictionary<string, int> { ["oA/T1"] = 1 }, await RemainingAsync());
        // Stored worked: the processor has nothing to do.
        Assert.False(queue.Reader.TryRead(out _));
        await using (var db = Database.NewContext())
            Assert.NotNull((await db.InboundMessages.SingleAsync()).ProcessedAt);
        await Assert.ThrowsAsync<ArgumentException>(() => recorder.RecordAsync(Push("msg:3", needsWork: true), Accept("oA", "T1"), default));
        await recorder.StopAsync(default);
    }

    [Fact]
    public async Task ManyChoicesOfTheSameUsersAtOnce_AreEachCountedOnce()
    {
        var recorder = NewRecorder(new InboundMessageQueue());
        await recorder.StartAsync(default);

        // 240 popups of 8 users (each with one of 2 templates), each delivered twice, arriving while other batches are being written:
        // on MariaDB the batches meet on the same quota rows, new and old, and must neither lose nor double a grant.
        var answers = new List<Task<InboundRecorder.Outcome>>();
        foreach (var wave in Enumerable.Range(0, 240).SelectMany(i => new[] { i, i }).Chunk(16))
        {
            answers.AddRange(wave.Select(i => Task.Run(() => recorder.RecordAsync(Popup($"evt:{i}", $"o{i % 8}"), Accept($"o{i % 8}", $"T{i % 2}"), default))));
            // Waves a moment apart make many small batches, written at once where the database allows it.
            await Task.Delay(1);
        }
        var outcomes = await Task.WhenAll(answers);
        await recorder.StopAsync(default);

        Assert.True(outcomes.Count(o => o == InboundRecorder.Outcome.Recorded) == 240, _log.ToString());
        var remaining = await RemainingAsync();
        Assert.Equal(8, remaining.Count);
        Assert.All(remaining.Values, r => Assert.Equal(30, r));
    }

    [Fact]
    public void OnlyAPushThatNeedsNoWork_MayBeWrittenBehind()
    {
        var recorder = NewRecorder(new InboundMessageQueue());
        Assert.Throws<ArgumentException>(() => recorder.RecordBehind(Push("msg:2", needsWork: true)));
    }
}

public sealed class InboundRecorderSqliteTests() : InboundRecorderTests(DatabaseProvider.Sqlite);

public sealed class InboundRecorderMariaDbTests() : InboundRecorderTests(DatabaseProvider.MySql);

public sealed class InboundWriteGateTests
{
    [Fact]
    public async Task OnTheEmbeddedDatabase_WritersTakeTurns_OnMariaDbTheyDoNot()
    {
        Assert.Equal(1, await MostAtOnceAsync(new InboundWriteGate(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=x.db", ""))));
        Assert.Equal(4, await MostAtOnceAsync(new InboundWriteGate(new DatabaseSettings(DatabaseProvider.MySql, "Server=x", DatabaseSettings.DefaultServerVersion))));
        // The recorder writes one batch at a time on SQLite, several on MariaDB.
        Assert.Equal(1, new InboundWriteGate(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=x.db", "")).ConcurrentBatches);
        Assert.True(new InboundWriteGate(new DatabaseSettings(DatabaseProvider.MySql, "Server=x", DatabaseSettings.DefaultServerVersion)).ConcurrentBatches > 1);
        // Subscription choices are worked while recording on SQLite only (measured: see the gate).
        Assert.True(new InboundWriteGate(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=x.db", "")).WorksChoicesWhileRecording);
        Assert.False(new InboundWriteGate(new DatabaseSettings(DatabaseProvider.MySql, "Server=x", DatabaseSettings.DefaultServerVersion)).WorksChoicesWhileRecording);
    }

    private static async Task<int> MostAtOnceAsync(InboundWriteGate gate)
    {
        int inside = 0, most = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(() => gate.RunAsync(async () =>
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await release.Task;
            Interlocked.Decrement(ref inside);
        }, default))).ToList();
        // Give every writer the chance to be inside at once (they all are, unless the gate keeps them out).
        for (var i = 0; i < 30 && Volatile.Read(ref inside) < 4; i++)
            await Task.Delay(10);
        release.SetResult();
        await Task.WhenAll(writers);
        return most;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
