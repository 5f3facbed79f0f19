using Daiban.Core.Inbound;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.WeChat.Push;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Daiban.Web.Tests.WeChat;

/// <summary>Subscription choices are worked a batch at a time: in the order received, and one unreadable push fails alone.</summary>
public abstract class InboundMessageProcessorTests(DatabaseProvider provider) : DatabaseServicesTest(provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static string Popup(params (string Template, string Status)[] items) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["SubscribeMsgPopupEvent"] = string.Concat(items.Select(i =>
            $"<List><TemplateId><![CDATA[{i.Template}]]></TemplateId><SubscribeStatusString><![CDATA[{i.Status}]]></SubscribeStatusString></List>")),
    });

    private static string Change(string template, string status) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["SubscribeMsgChangeEvent"] = $"{{\"List\":{{\"TemplateId\":\"{template}\",\"SubscribeStatusString\":\"{status}\"}}}}",
    });

    private static InboundMessage Choice(string key, string user, string eventName, string payload) =>
        new("MiniProgram", key, user, "event", eventName, null, payload, Now);

    private InboundMessageProcessor NewProcessor() =>
        new(new InboundMessageQueue(), Services.GetRequiredService<IServiceScopeFactory>(), new InboundWriteGate(Database.Settings), TimeProvider.System,
            NullLogger<InboundMessageProcessor>.Instance);

    [Fact]
    public async Task AMessageClaimedByAnotherInstance_IsLeftToIt_UntilItsClaimRunsOut()
    {
        await using (var db = Database.NewContext())
        {
            db.InboundMessages.Add(Choice("k1", "oA", "subscribe_msg_popup_event", Popup(("T1", "accept"))));
            await db.SaveChangesAsync();
            // Another instance's sweep took it a moment ago and is still working it.
            var stillWorking = DateTimeOffset.UtcNow.AddMinutes(1);
            await db.InboundMessages.ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, "other").SetProperty(m => m.ClaimedUntil, stillWorking));
        }
        var processor = NewProcessor();

        await processor.ProcessAsync(["k1"], default);
        await using (var db = Database.NewContext())
        {
            Assert.Null((await db.InboundMessages.AsNoTracking().SingleAsync()).ProcessedAt);
            Assert.Equal(0, await db.SubscriptionQuotas.CountAsync());
            // That instance died: its claim runs out and the message is taken over, once.
            var ranOut = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.InboundMessages.ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, ranOut));
        }

        await Task.WhenAll(processor.ProcessAsync(["k1"], default), NewProcessor().ProcessAsync(["k1"], default));

        await using var check = Database.NewContext();
        Assert.NotNull((await check.InboundMessages.AsNoTracking().SingleAsync()).ProcessedAt);
        Assert.Equal(1, (await check.SubscriptionQuotas.AsNoTracking().SingleAsync()).Remaining);
    }

    [Fact]
    public async Task ARunThatFails_FreesItsClaim_SoTheNextSweepRetriesAtOnce()
    {
        await using (var db = Database.NewContext())
        {
            db.InboundMessages.Add(Choice("k1", "oA", "subscribe_msg_popup_event", Popup(("T1", "accept"))));
            await db.SaveChangesAsync();
            // The quota table is out of reach for a moment (a failing database, a migration under way).
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE subscription_quotas RENAME TO subscription_quotas_away");
        }
        var processor = NewProcessor();

        await Assert.ThrowsAnyAsync<Exception>(() => processor.ProcessAsync(["k1"], default));
        await using (var db = Database.NewContext())
        {
            var message = await db.InboundMessages.AsNoTracking().SingleAsync();
            Assert.Null(message.ProcessedAt);
            Assert.Null(message.ClaimedUntil);
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE subscription_quotas_away RENAME TO subscription_quotas");
        }

        await processor.ProcessAsync(["k1"], default);
        await using var check = Database.NewContext();
        Assert.NotNull((await check.InboundMessages.AsNoTracking().SingleAsync()).ProcessedAt);
        Assert.Equal(1, (await check.SubscriptionQuotas.AsNoTracking().SingleAsync()).Remaining);
    }

    [Fact]
    public async Task ABacklogLeftInTheTable_IsDrainedByOneSweep_NotAPageATick()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        await using (var db = Database.NewContext())
        {
            // 250 choices stored while this instance was down (or its queue was full): nobody queued them for work.
            db.InboundMessages.AddRange(Enumerable.Range(0, 250).Select(i =>
                new InboundMessage("MiniProgram", $"k{i}", $"o{i}", "event", "subscribe_msg_popup_event", null, Popup(("T1", "accept")), Now.AddMinutes(-1))));
            await db.SaveChangesAsync();
        }
        var processor = new InboundMessageProcessor(new InboundMessageQueue(), Services.GetRequiredService<IServiceScopeFactory>(),
            new InboundWriteGate(Database.Settings), clock, NullLogger<InboundMessageProcessor>.Instance);
        await processor.StartAsync(default);
        try
        {
            // The sweep's timer starts with the service: tick it until a sweep has begun, then no more.
            var processed = 0;
            for (var tick = 0; tick < 20 && processed == 0; tick++)
            {
                clock.Advance(InboundMessageProcessor.SweepInterval);
                processed = await ProcessedAfterAsync(TimeSpan.FromSeconds(1), until: n => n > 0);
            }

            Assert.Equal(250, await ProcessedAfterAsync(TimeSpan.FromSeconds(15), until: n => n == 250));
        }
        finally
        {
            await processor.StopAsync(default);
        }
    }

    private async Task<int> ProcessedAfterAsync(TimeSpan atMost, Func<int, bool> until)
    {
        var deadline = DateTime.UtcNow + atMost;
        while (true)
        {
            await using var db = Database.NewContext();
            var processed = await db.InboundMessages.CountAsync(m => m.ProcessedAt != null);
            if (until(processed) || DateTime.UtcNow > deadline)
                return processed;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task ABatchOfChoices_IsAppliedInOrder_AndAnUnreadablePushFailsAlone()
    {
        await using (var db = Database.NewContext())
        {
            var existing = new SubscriptionQuota("oA", "T1", Now.AddDays(-1));
            existing.Grant(2, Now.AddDays(-1));
            db.SubscriptionQuotas.Add(existing);
            db.InboundMessages.AddRange(
                Choice("k1", "oA", "subscribe_msg_popup_event", Popup(("T1", "accept"), ("T2", "acceptWithAlert"))),
                Choice("k2", "oB", "subscribe_msg_popup_event", Popup(("T1", "accept"))),
                Choice("k3", "oB", "subscribe_msg_change_event", Change("T1", "reject")),
                Choice("k4", "oC", "subscribe_msg_popup_event", "{\"SubscribeMsgPopupEvent\":\"<List><TemplateId>T1</List>\"}"),
                Choice("k5", "oA", "subscribe_msg_popup_event", Popup(("T1", "accept"))),
                Choice("k6", "oD", "subscribe_msg_popup_event", Popup(("T3", "reject"))),
                Choice("k7", "oE", "subscribe_msg_change_event", "{\"SubscribeMsgChangeEvent\":\"{\\\"List\\\":{\\\"TemplateId\\\":5}}\"}"));
            await db.SaveChangesAsync();
        }
        var processor = NewProcessor();

        await processor.ProcessAsync(["k1", "k2", "k3", "k4", "k5", "k6", "k7"], default);

        await using var check = Database.NewContext();
        var quotas = await check.SubscriptionQuotas.AsNoTracking().ToListAsync();
        Assert.Equal(
            [("oA", "T1", 4), ("oA", "T2", 1), ("oB", "T1", 0), ("oD", "T3", 0)],
            quotas.Select(q => (q.OpenId, q.TemplateId, q.Remaining)).Order().ToList());
        var messages = await check.InboundMessages.AsNoTracking().OrderBy(m => m.DeduplicationKey).ToListAsync();
        Assert.Equal("subscriptions 2 accepted, 0 rejected", messages[0].Outcome);
        Assert.Equal("subscriptions 0 accepted, 1 rejected", messages[2].Outcome);
        var unreadable = messages[3];
        Assert.Null(unreadable.ProcessedAt);
        Assert.Equal((1, "XmlException"), (unreadable.Attempts, unreadable.LastError));
        Assert.Equal((1, "InvalidOperationException"), (messages[6].Attempts, messages[6].LastError));
        Assert.All(messages.Where(m => m != unreadable && m != messages[6]), m => Assert.NotNull(m.ProcessedAt));

        // The sweep takes the unreadable push again; it fails again without touching anyone's quota.
        await processor.ProcessAsync(["k4"], default);
        await using var again = Database.NewContext();
        Assert.Equal(2, (await again.InboundMessages.AsNoTracking().SingleAsync(m => m.DeduplicationKey == "k4")).Attempts);
        Assert.Equal(4, await again.SubscriptionQuotas.CountAsync());
    }
}

public sealed class InboundMessageProcessorSqliteTests() : InboundMessageProcessorTests(DatabaseProvider.Sqlite);

public sealed class InboundMessageProcessorMariaDbTests() : InboundMessageProcessorTests(DatabaseProvider.MySql);
