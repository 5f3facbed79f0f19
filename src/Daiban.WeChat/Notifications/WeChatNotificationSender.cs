using System.Text.Json;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.WeChat.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Daiban.WeChat.Notifications;

/// <summary>
/// Delivers outbox notifications through WeChat: subscribe messages to mini-program users (only while they have
/// granted quota for the template), template messages to staff who follow the Official Account (opening the
/// right mini-program page, with the de-duplication key as client_msg_id), customer-service text within the
/// window. Whatever WeChat cannot deliver stays in the recipient's in-app list. A notice's fields become the
/// template's keywords (<see cref="NoticeTemplates"/>) and its destination a mini-program page
/// (<see cref="MiniProgramPages"/>); rows from before notices had fields carry their keyword data and are sent as
/// they are.
/// </summary>
public sealed class WeChatNotificationSender(DaibanDbContext db, WeChatApiClient wechat, IOptions<WeChatOptions> options, TimeProvider clock) : INotificationSender
{
    public async Task<SendOutcome> SendAsync(Notification n, CancellationToken ct)
    {
        var fields = n.Fields;
        var data = fields is null
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(n.DataJson) ?? []
            : n.Channel is NotificationChannel.Subscribe or NotificationChannel.Template
                ? NoticeTemplates.DataFor(n.TemplateKey, fields)
                : [];
        if (data is null)
            return new SendOutcome(SendResult.Failed, $"没有模板“{n.TemplateKey}”的字段对应");
        var page = MiniProgramPages.For(n.RecipientKind, n.Target);
        try
        {
            return n.Channel switch
            {
                NotificationChannel.Subscribe => await SendSubscribeAsync(n, data, page, ct),
                NotificationChannel.Template => await SendTemplateAsync(n, data, page, ct),
                NotificationChannel.CustomerService => await SendCustomerServiceAsync(n, fields, data, ct),
                _ => new SendOutcome(SendResult.InAppOnly, "站内消息"),
            };
        }
        catch (WeChatApiException e)
        {
            return e.Kind switch
            {
                WeChatErrorKind.RecipientUnavailable => new SendOutcome(SendResult.InAppOnly, $"微信无法送达（{e.ErrCode}）"),
                WeChatErrorKind.RateLimited => new SendOutcome(SendResult.RetryLater, $"{e.ErrCode}", TimeSpan.FromSeconds(61 - clock.GetUtcNow().Second)),
                WeChatErrorKind.QuotaExhausted => new SendOutcome(SendResult.RetryLater, $"{e.ErrCode}", TimeSpan.FromHours(1)),
                WeChatErrorKind.Transient or WeChatErrorKind.TokenInvalid => new SendOutcome(SendResult.RetryLater, $"{e.ErrCode}"),
                // WeChat drops a repeated client_msg_id, so only a template message may be sent again.
                WeChatErrorKind.Unanswered when n.Channel == NotificationChannel.Template =>
                    new SendOutcome(SendResult.RetryLater, "微信未应答"),
                WeChatErrorKind.Unanswered => new SendOutcome(SendResult.InAppOnly, "微信未应答，消息可能已送达，为免重复不再发送"),
                _ => new SendOutcome(SendResult.Failed, $"{e.Api} {e.ErrCode}"),
            };
        }
    }

    private async Task<SendOutcome> SendSubscribeAsync(Notification n, Dictionary<string, string> data, string? page,
        CancellationToken ct)
    {
        if (!options.Value.Templates.TryGet(n.TemplateKey, out var templateId))
            return new SendOutcome(SendResult.InAppOnly, "未配置订阅消息模板");
        var openId = await MiniProgramOpenIdAsync(n, ct);
        if (openId is null)
            return new SendOutcome(SendResult.InAppOnly, "未绑定小程序");
        var quota = await db.SubscriptionQuotas.SingleOrDefaultAsync(q => q.OpenId == openId && q.TemplateId == templateId, ct);
        if (quota is not { Remaining: > 0 })
            return new SendOutcome(SendResult.InAppOnly, "用户暂无该模板的订阅次数");
        try
        {
            await wechat.SendSubscribeMessageAsync(new SubscribeMessageRequest(openId, templateId, Fit(data), page),
                ct);
        }
        catch (WeChatApiException e) when (e.ErrCode == 43101)
        {
            quota.Revoke(clock.GetUtcNow());
            throw;
        }
        catch (WeChatApiException e) when (e.Kind == WeChatErrorKind.Unanswered)
        {
            // It may have been delivered, and then it took the quota WeChat counts.
            quota.TryUse(clock.GetUtcNow());
            throw;
        }
        quota.TryUse(clock.GetUtcNow());
        return SendOutcome.Sent;
    }

    private async Task<SendOutcome> SendTemplateAsync(Notification n, Dictionary<string, string> data, string? page,
        CancellationToken ct)
    {
        if (!options.Value.Templates.TryGet(n.TemplateKey, out var templateId))
            return new SendOutcome(SendResult.InAppOnly, "未配置模板消息");
        var openId = n.RecipientKind == RecipientKind.Staff
            ? await db.Staff.Where(s => s.Id == n.RecipientId).Select(s => s.OfficialAccountOpenId).SingleOrDefaultAsync(ct)
            : null;
        if (openId is null)
            return new SendOutcome(SendResult.InAppOnly, "未绑定公众号");
        var jump = page is null ? null : new MiniProgramJump(options.Value.MiniProgram.AppId, page);
        // client_msg_id makes WeChat drop a repeat within ten minutes, covering a crash between send and save.
        var clientMsgId = n.DeduplicationKey.Length <= 64 ? n.DeduplicationKey : n.DeduplicationKey[..64];
        await wechat.SendTemplateMessageAsync(new TemplateMessageRequest(openId, templateId, Fit(data), jump, ClientMsgId: clientMsgId), ct);
        return SendOutcome.Sent;
    }

    private async Task<SendOutcome> SendCustomerServiceAsync(Notification n, NoticeFields? fields,
        Dictionary<string, string> data, CancellationToken ct)
    {
        var content = fields is null ? data.GetValueOrDefault("content") : fields.Text;
        var via = fields is null ? data.GetValueOrDefault("app") : fields.ReplyVia;
        var openId = n.RecipientKind == RecipientKind.Conversation
            ? await db.Conversations.Where(c => c.Id == n.RecipientId).Select(c => c.OpenId).SingleOrDefaultAsync(ct)
            : await MiniProgramOpenIdAsync(n, ct);
        if (openId is null || string.IsNullOrEmpty(content))
            return new SendOutcome(SendResult.InAppOnly, "无法发送客服消息");
        var app = Enum.TryParse<WeChatApp>(via, out var a) ? a : WeChatApp.MiniProgram;
        await wechat.SendCustomerServiceMessageAsync(app, new CustomerServiceMessageRequest(openId, "text", new CustomerServiceText(content)), ct);
        return SendOutcome.Sent;
    }

    private Task<string?> MiniProgramOpenIdAsync(Notification n, CancellationToken ct) => n.RecipientKind == RecipientKind.EnterpriseContact
        ? db.EnterpriseContacts.Where(c => c.Id == n.RecipientId).Select(c => c.MiniProgramOpenId).SingleOrDefaultAsync(ct)
        : db.Staff.Where(s => s.Id == n.RecipientId).Select(s => s.MiniProgramOpenId).SingleOrDefaultAsync(ct);

    private static Dictionary<string, TemplateValue> Fit(Dictionary<string, string> data) =>
        data.ToDictionary(kv => kv.Key, kv => new TemplateValue(TemplateValueRules.Fit(kv.Key, kv.Value)));
}
