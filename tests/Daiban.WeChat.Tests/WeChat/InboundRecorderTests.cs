using Daiban.Core.Messaging;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.WeChat.Tests.Infrastructure;
using Daiban.WeChat.WeChat.Push;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Daiban.WeChat.Tests.WeChat;

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
