using System.Collections.Concurrent;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Daiban.Core.Tests.Notifications;

/// <summary>
/// The dispatcher's claim on MariaDB: dispatchers racing over the same pending rows (as two instances woken by the
/// same commit do) send each notification once, each recipient's in order; a dispatcher that died mid-send leaves
/// its notification to the next one only after the lease.
/// </summary>
[Collection(Persistence.DatabaseCollection.Name)]
public sealed class NotificationDispatcherClaimTests() : MigratedDatabaseTest(DatabaseProvider.MySql)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    /// <summary>Records every send; yields on each so that the racing dispatchers interleave.</summary>
    private sealed class RecordingSender : INotificationSender
    {
        public ConcurrentQueue<(long Id, RecipientKind Kind, long Recipient)> Sent { get; } = new();

        public async Task<SendOutcome> SendAsync(Notification notification, CancellationToken ct)
        {
            Sent.Enqueue((notification.Id, notification.RecipientKind, notification.RecipientId));
            await Task.Delay(1, ct);
            return SendOutcome.Sent;
        }
    }

    /// <summary>Stands for a process that dies after the send went out and before its outcome was saved.</summary>
    /// <summary>The process stops while the send is under way: the host cancels the dispatcher's token.</summary>
    private sealed class DyingSender(CancellationTokenSource stopping) : INotificationSender
    {
        public Task<SendOutcome> SendAsync(Notification notification, CancellationToken ct)
        {
            stopping.Cancel();
            ct.ThrowIfCancellationRequested();
            throw new InvalidOperationException("the token should have been cancelled");
        }
    }

    /// <summary>A call that times out: a cancellation, but not of the dispatcher's token.</summary>
    private sealed class TimingOutSender : INotificationSender
    {
        public Task<SendOutcome> SendAsync(Notification notification, CancellationToken ct) =>
            throw new TaskCanceledException("timed out");
    }

    private async Task<List<long>> QueueAsync(int recipients, int each, DateTimeOffset at)
    {
        await using var db = Database.NewContext();
        for (var i = 0; i < each; i++)
            for (var r = 1; r <= recipients; r++)
                db.Notifications.Add(new Notification($"race:{r}:{i}", RecipientKind.Staff, r,
                    NotificationChannel.Template, "case-update", $"第{i}条", new NoticeFields { Summary = "测试" }, NoticeTarget.None, null, at));
        await db.SaveChangesAsync();
        return await db.Notifications.OrderBy(n => n.Id).Select(n => n.Id).ToListAsync();
    }

    [Fact]
    public async Task FourDispatchersRacingOverTheSameRows_SendEachNotificationOnce_InOrderPerRecipient()
    {
        var ids = await QueueAsync(recipients: 12, each: 10, T0.AddMinutes(-1));
        var sender = new RecordingSender();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = Database.NewContext();
            var dispatcher = new NotificationDispatcher(db, sender, new FakeTimeProvider(T0),
                NullLogger<NotificationDispatcher>.Instance);
            await start.Task;
            return await dispatcher.SendAsync(ids, CancellationToken.None);
        })).ToList();
        start.SetResult();
        var counts = await Task.WhenAll(runs);

        var sent = sender.Sent.ToList();
        Assert.Equal(ids, sent.Select(s => s.Id).Order());
        Assert.Equal(ids.Count, counts.Sum());
        foreach (var recipient in sent.GroupBy(s => s.Recipient))
            Assert.Equal(recipient.Select(s => s.Id).Order(), recipient.Select(s => s.Id));
        await using var check = Database.NewContext();
        Assert.All(await check.Notifications.AsNoTracking().ToListAsync(),
            n => Assert.Equal((NotificationStatus.Sent, 1), (n.Status, n.Attempts)));
        // A run after them finds nothing left to send.
        var late = new NotificationDispatcher(check, sender, new FakeTimeProvider(T0),
            NullLogger<NotificationDispatcher>.Instance);
        Assert.Equal(0, await late.DispatchDueAsync(500, CancellationToken.None));
        Assert.Equal(ids.Count, sender.Sent.Count);
    }

    [Fact]
    public async Task ANotificationWhoseDispatcherDied_IsLeftAloneUntilTheLeasePasses_ThenSentOnce()
    {
        var ids = await QueueAsync(recipients: 1, each: 1, T0);
        var clock = new FakeTimeProvider(T0);
        await using (var db = Database.NewContext())
        {
            using var stopping = new CancellationTokenSource();
            var dying = new NotificationDispatcher(db, new DyingSender(stopping), clock,
                NullLogger<NotificationDispatcher>.Instance);
            await Assert.ThrowsAsync<OperationCanceledException>(() => dying.SendAsync(ids, stopping.Token));
        }
        var sender = new RecordingSender();
        await using var next = Database.NewContext();
        var dispatcher = new NotificationDispatcher(next, sender, clock, NullLogger<NotificationDispatcher>.Instance);

        clock.Advance(NotificationDispatcher.ClaimLease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(10, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(10, CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(10, CancellationToken.None));
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task ASendThatTimesOut_IsRetriedLater_AndTheDispatcherGoesOn()
    {
        var ids = await QueueAsync(recipients: 2, each: 1, T0);
        await using var db = Database.NewContext();
        var dispatcher = new NotificationDispatcher(db, new TimingOutSender(), new FakeTimeProvider(T0),
            NullLogger<NotificationDispatcher>.Instance);

        Assert.Equal(2, await dispatcher.SendAsync(ids, CancellationToken.None));

        await using var check = Database.NewContext();
        Assert.All(await check.Notifications.AsNoTracking().ToListAsync(), n =>
        {
            Assert.Equal((NotificationStatus.Pending, 1), (n.Status, n.Attempts));
            Assert.Equal(nameof(TaskCanceledException), n.LastError);
        });
    }
}
