using Daiban.Core.Consultation;
using Daiban.Core.Messaging;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.WeChat.WeChat.Api;
using Microsoft.EntityFrameworkCore;

namespace Daiban.WeChat.WeChat.Push;

/// <summary>
/// Works the recorded pushes: a user's text to the mini-program's customer service goes to the consultation bot
/// and its answer back by customer-service send. Runs queued ids at once and sweeps the table for anything left
/// unprocessed (a crash, a full queue, a failed send) every few seconds, at most <see cref="InboundMessage.MaxAttempts"/> times.
/// </summary>
public sealed class InboundMessageProcessor(
    InboundMessageQueue queue,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<InboundMessageProcessor> logger) : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = Task.Run(() => SweepLoopAsync(stoppingToken), stoppingToken);
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
            await ProcessAsync(id, stoppingToken);
        await sweep;
    }

    private async Task SweepLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                List<long> pending;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
                    var before = clock.GetUtcNow() - SweepInterval;
                    pending = await db.InboundMessages.Where(m => m.ProcessedAt == null && m.Attempts < InboundMessage.MaxAttempts && m.ReceivedAt < before)
                        .OrderBy(m => m.Id).Select(m => m.Id).Take(100).ToListAsync(ct);
                }
                foreach (var id in pending)
                    await ProcessAsync(id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Inbound message sweep failed");
            }
        }
    }

    public async Task ProcessAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        var message = await db.InboundMessages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || !message.IsPending)
            return;
        try
        {
            var outcome = await HandleAsync(message, scope.ServiceProvider, ct);
            message.MarkProcessed(outcome, clock.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            message.MarkFailed(e is WeChatApiException w ? $"{w.Api} {w.ErrCode}" : e.GetType().Name);
            logger.LogWarning(e, "Inbound message {Id} failed (attempt {Attempt})", id, message.Attempts);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<string> HandleAsync(InboundMessage message, IServiceProvider services, CancellationToken ct)
    {
        if (message.MsgType == "event" && message.Event is "subscribe_msg_popup_event" or "subscribe_msg_change_event")
            return await RecordSubscriptionChoicesAsync(message, services.GetRequiredService<DaibanDbContext>(), ct);
        if (message.MsgType != "text" || string.IsNullOrWhiteSpace(message.Content))
            return $"ignored {message.MsgType}/{message.Event}";
        var app = Enum.Parse<WeChatApp>(message.Channel);
        var bot = services.GetRequiredService<IConsultationBot>();
        var client = services.GetRequiredService<WeChatApiClient>();
        var answer = await bot.AnswerAsync(message.Content, new Asker(message.FromUser, null), ct);
        await client.SendCustomerServiceMessageAsync(app,
            new CustomerServiceMessageRequest(message.FromUser, "text", new CustomerServiceText(answer.Answer)), ct);
        return $"answered ({answer.Intent})";
    }

    /// <summary>Each accept grants one subscribe message of that template; a reject in settings takes them all back.</summary>
    private async Task<string> RecordSubscriptionChoicesAsync(InboundMessage message, DaibanDbContext db, CancellationToken ct)
    {
        var fields = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(message.PayloadJson) ?? [];
        var raw = fields.GetValueOrDefault("SubscribeMsgPopupEvent") ?? fields.GetValueOrDefault("SubscribeMsgChangeEvent");
        var choices = SubscriptionEvents.Parse(raw);
        var now = clock.GetUtcNow();
        foreach (var choice in choices)
        {
            var quota = await db.SubscriptionQuotas.SingleOrDefaultAsync(q => q.OpenId == message.FromUser && q.TemplateId == choice.TemplateId, ct);
            if (quota is null)
            {
                quota = new SubscriptionQuota(message.FromUser, choice.TemplateId, now);
                db.SubscriptionQuotas.Add(quota);
            }
            if (choice.Accepted)
                quota.Grant(1, now);
            else
                quota.Revoke(now);
        }
        return $"subscriptions {choices.Count(c => c.Accepted)} accepted, {choices.Count(c => !c.Accepted)} rejected";
    }
}
