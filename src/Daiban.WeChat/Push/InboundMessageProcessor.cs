using Daiban.Core.Consultation;
using Daiban.Core.Inbound;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.WeChat.Api;
using Microsoft.EntityFrameworkCore;

namespace Daiban.WeChat.Push;

/// <summary>
/// Works the recorded pushes: a user's text to the mini-program's customer service goes to the consultation bot
/// and its answer back by customer-service send. Runs queued messages at once and sweeps the table for anything left
/// unprocessed (a crash, a full queue, a failed send) every few seconds, at most <see cref="InboundMessage.MaxAttempts"/> times.
/// </summary>
public sealed partial class InboundMessageProcessor(
    InboundMessageQueue queue,
    IServiceScopeFactory scopes,
    InboundWriteGate gate,
    TimeProvider clock,
    ILogger<InboundMessageProcessor> logger) : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);
    private const int BatchSize = 100;
    public static readonly TimeSpan BatchLinger = TimeSpan.FromMilliseconds(20);
    /// <summary>How long a claimed message is left to its run before another instance may take it (the run died).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = Task.Run(() => SweepLoopAsync(stoppingToken), stoppingToken);
        var keys = new List<string>(BatchSize);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            // Whatever has arrived is worked in one unit of work: one commit for many pushes. A short linger lets a
            // batch fill under load: on SQLite each commit holds the one write lock the push recorder also waits for.
            if (queue.Reader.Count < BatchSize)
                await Task.Delay(BatchLinger, stoppingToken);
            keys.Clear();
            while (keys.Count < BatchSize && queue.Reader.TryRead(out var key))
                keys.Add(key);
            try
            {
                await ProcessAsync(keys, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The rows stay unprocessed; the sweep takes them again.
                logger.LogError(e, "Processing {Count} inbound message(s) failed", keys.Count);
            }
        }
        await sweep;
    }

    private async Task SweepLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                // A backlog (the queue was full, an instance was down) is drained page after page, not a page a tick.
                // Each page ends processed, failed once more (at most MaxAttempts times) or claimed, so this ends.
                while (await SweepPageAsync(ct) == SweepPage)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(e, "Inbound message sweep failed");
            }
        }
    }

    private const int SweepPage = 100;

    private async Task<int> SweepPageAsync(CancellationToken ct)
    {
        List<string> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            var now = clock.GetUtcNow();
            var before = now - SweepInterval;
            pending = await db.InboundMessages.Where(m => m.ProcessedAt == null && m.Attempts < InboundMessage.MaxAttempts && m.ReceivedAt < before
                                                          && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.Id).Select(m => m.DeduplicationKey).Take(SweepPage).ToListAsync(ct);
        }
        if (pending.Count > 0)
            await ProcessAsync(pending, ct);
        return pending.Count;
    }

    public async Task ProcessAsync(IReadOnlyCollection<string> deduplicationKeys, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        // One connection for the batch's queries and commits, not one taken from (and reset by) the pool for each.
        await db.Database.OpenConnectionAsync(ct);
        var token = await ClaimAsync(db, deduplicationKeys, ct);
        try
        {
            await WorkAsync(db, deduplicationKeys, token, scope.ServiceProvider, ct);
        }
        catch
        {
            // Free what this run claimed and did not finish: the next sweep retries it in seconds, not after the lease.
            await ReleaseAsync(db, deduplicationKeys, token);
            throw;
        }
    }

    /// <summary>
    /// Every instance sweeps the same table: a message is worked only by the run whose claim took it, so a reply is
    /// not sent twice when two sweeps meet the same unfinished message.
    /// </summary>
    private async Task<string> ClaimAsync(DaibanDbContext db, IReadOnlyCollection<string> deduplicationKeys, CancellationToken ct)
    {
        var token = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        var until = now + ClaimLease;
        await gate.RunAsync(() => db.InboundMessages
            .Where(m => deduplicationKeys.Contains(m.DeduplicationKey) && m.ProcessedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), ct), ct);
        return token;
    }

    private async Task ReleaseAsync(DaibanDbContext db, IReadOnlyCollection<string> deduplicationKeys, string token)
    {
        try
        {
            await gate.RunAsync(() => db.InboundMessages
                .Where(m => deduplicationKeys.Contains(m.DeduplicationKey) && m.ClaimToken == token && m.ProcessedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not free {Count} claimed inbound message(s); they are taken again when the claim runs out", deduplicationKeys.Count);
        }
    }

    private async Task WorkAsync(DaibanDbContext db, IReadOnlyCollection<string> deduplicationKeys, string token, IServiceProvider services, CancellationToken ct)
    {
        var messages = await db.InboundMessages.Where(m => deduplicationKeys.Contains(m.DeduplicationKey) && m.ClaimToken == token && m.ProcessedAt == null)
            .OrderBy(m => m.Id).ToListAsync(ct);
        var pending = messages.Where(m => m.IsPending).ToList();
        // Subscription choices stored unworked (always on MariaDB; on SQLite only an unreadable list or a row of an older
        // version) are applied here: a batch's choices in one query and the batch's one commit.
        var choices = pending.Where(m => SubscriptionChoicePush.Is(m.MsgType, m.Event)).ToList();
        if (choices.Count > 0)
            await RecordSubscriptionChoicesAsync(choices, db, ct);
        foreach (var message in pending.Except(choices))
        {
            var sentSomething = false;
            try
            {
                var handled = await HandleAsync(message, services, ct);
                message.MarkProcessed(handled.Outcome, clock.GetUtcNow());
                sentSomething = handled.SentToWeChat;
            }
            catch (WeChatApiException e) when (e.Kind == WeChatErrorKind.Unanswered)
            {
                // The reply may have reached the user; a second one would be a duplicate. The chat keeps it.
                message.MarkProcessed("answered; WeChat's answer was lost", clock.GetUtcNow());
                sentSomething = true;
                logger.LogWarning("Inbound message {Id}: WeChat did not answer the reply; not sent again", message.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                message.MarkFailed(e is WeChatApiException w ? $"{w.Api} {w.ErrCode}" : e.GetType().Name);
                logger.LogWarning(e, "Inbound message {Id} failed (attempt {Attempt})", message.Id, message.Attempts);
            }
            // A reply already sent to WeChat is saved at once, so a later failure in the batch cannot make it go twice.
            if (sentSomething)
                await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
        }
        await gate.RunAsync(() => db.SaveChangesAsync(ct), ct);
    }

    private sealed record Handled(string Outcome, bool SentToWeChat);

    /// <summary>
    /// Why a push needs no work (most events: entering a session, following, a location report), or null when it
    /// does. Such a push is stored already processed, so the processor never reads it back.
    /// </summary>
    public static string? NothingToDo(string msgType, string? eventName, string? content) =>
        SubscriptionChoicePush.Is(msgType, eventName) || (msgType == "text" && !string.IsNullOrWhiteSpace(content))
            ? null
            : $"ignored {msgType}/{eventName}";

    private async Task<Handled> HandleAsync(InboundMessage message, IServiceProvider services, CancellationToken ct)
    {
        if (NothingToDo(message.MsgType, message.Event, message.Content) is { } ignored)
            return new Handled(ignored, false);
        var content = message.Content ?? "";
        if (message.Channel == nameof(WeChatApp.OfficialAccount) && BindCommand().Match(content.Trim()) is { Success: true } bind)
            return await BindStaffAsync(message, bind.Groups[1].Value, services, ct);
        var app = Enum.Parse<WeChatApp>(message.Channel);
        var bot = services.GetRequiredService<IConsultationBot>();
        var client = services.GetRequiredService<WeChatApiClient>();
        var text = await services.GetRequiredService<ContentCheck>().PassesAsync(content, message.FromUser, ct)
            ? (await bot.AskAsync(content, new Asker(ConversationChannel.CustomerService, message.FromUser, WeChatApp: message.Channel, ExternalId: $"in:{message.Id}"), ct)).Answer
            : new BotAnswer(ContentCheck.RefusedText, false, BotIntents.Refused, []);
        await client.SendCustomerServiceMessageAsync(app,
            new CustomerServiceMessageRequest(message.FromUser, "text", new CustomerServiceText(text.Answer)), ct);
        return new Handled($"answered ({text.Intent})", true);
    }

    /// <summary>A staff member sends "绑定 12345678" to the Official Account: its openid there receives their template messages.</summary>
    private static async Task<Handled> BindStaffAsync(InboundMessage message, string code, IServiceProvider services, CancellationToken ct)
    {
        var (result, staff) = await services.GetRequiredService<StaffBindingCodes>().BindIdentityAsync(code, WeChatIdentity.OfficialAccount,
            message.FromUser, services.GetRequiredService<DaibanDbContext>(), services.GetRequiredService<StaffAccounts>(), ct);
        var reply = result switch
        {
            BindingRedemption.Bound => $"{staff!.DisplayName}，绑定成功：今后的新案件、到期提醒将通过本服务号通知您。",
            BindingRedemption.TooManyAttempts => "绑定尝试次数过多，请15分钟后再试。",
            _ => "绑定码无效或已过期，请在工作台“我的账号”重新生成后发送“绑定 八位数字”。",
        };
        await services.GetRequiredService<WeChatApiClient>().SendCustomerServiceMessageAsync(WeChatApp.OfficialAccount,
            new CustomerServiceMessageRequest(message.FromUser, "text", new CustomerServiceText(reply)), ct);
        return new Handled(staff is null ? $"binding refused ({result})" : $"bound staff {staff.Id}", true);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^绑定\s*(\d{6,10})$")]
    private static partial System.Text.RegularExpressions.Regex BindCommand();

    /// <summary>
    /// Each accept grants one subscribe message of that template; a reject in settings takes them all back. A push
    /// whose list cannot be read is marked failed alone; the others of the batch are applied in the order received.
    /// </summary>
    private async Task RecordSubscriptionChoicesAsync(IReadOnlyList<InboundMessage> messages, DaibanDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = new List<SubscriptionConsent.PushedChoice>();
        foreach (var message in messages)
        {
            try
            {
                var fields = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(message.PayloadJson) ?? [];
                all.AddRange(SubscriptionChoicePush.Work(message, fields, now));
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                message.MarkFailed((e is FormatException { InnerException: { } cause } ? cause : e).GetType().Name);
                logger.LogWarning(e, "Inbound message {Id} has an unreadable subscription list (attempt {Attempt})", message.Id, message.Attempts);
            }
        }
        await SubscriptionConsent.PushedAsync(db, all, now, ct);
    }
}
