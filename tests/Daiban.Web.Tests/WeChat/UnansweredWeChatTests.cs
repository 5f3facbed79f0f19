using System.Net.Http.Json;
using Daiban.Core.Enterprises;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.Web.Tests.Support;
using Daiban.WeChat.Emulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.WeChat;

/// <summary>
/// WeChat carries a send out but its answer never arrives (the fault suite found the first of these killing the
/// instance): the reply or notice is not sent a second time, and the workers go on.
/// </summary>
public sealed class UnansweredWeChatTests
{
    private const string Template = "TPL_CASE_REGISTERED";
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["WeChat:ApiTimeout"] = "00:00:01",
        ["WeChat:Templates:CaseRegistered"] = Template,
    };

    [Fact]
    public Task A_reply_whose_answer_is_lost_is_not_sent_again_and_the_next_one_is_answered() =>
        DaibanAppFactory.WithOwnHostAsync(Settings, async app =>
        {
            var emulator = app.Services.GetRequiredService<WeChatEmulator>();
            var client = app.CreateClient();
            var openId = $"oLost{Guid.NewGuid():N}"[..28];
            emulator.InjectFault("cgi-bin/message/custom/send", 0, 1, TimeSpan.FromSeconds(3));

            var first = await client.PostAsJsonAsync("/_wx/test/user-message", new { openId, text = "施工许可证要多久？" });

            Assert.Equal("success", (await first.Content.ReadFromJsonAsync<PushDeliveryReport>())!.Verdict);
            var processed = await Eventually.UntilAsync(() => InboundAsync(app, openId), m => m.All(x => x.ProcessedAt != null));
            Assert.Contains("lost", Assert.Single(processed).Outcome);
            // The stalled send was carried out: the user has the one reply, and no second comes.
            await Eventually.UntilAsync(() => Task.FromResult(Replies(emulator, openId)), n => n == 1);
            await client.PostAsJsonAsync("/_wx/test/user-message", new { openId, text = "需要什么材料？" });
            await Eventually.UntilAsync(() => Task.FromResult(Replies(emulator, openId)), n => n == 2);
            await Task.Delay(1500);
            Assert.Equal(2, Replies(emulator, openId));
        });

    [Fact]
    public Task A_subscribe_message_whose_answer_is_lost_stays_in_app_and_is_not_repeated() =>
        DaibanAppFactory.WithOwnHostAsync(Settings, async app =>
        {
            var emulator = app.Services.GetRequiredService<WeChatEmulator>();
            var openId = $"oLost{Guid.NewGuid():N}"[..28];
            long contactId;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
                var now = DateTimeOffset.UtcNow;
                var enterprise = new Enterprise("乳山市海达新材料有限公司", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), now);
                var contact = enterprise.AddContact("孙海", "13806310001", openId, now);
                contact.Confirm(CaseBuilder.Clerk, ContactEvidence.InPersonAtWindow, null, now);
                db.Enterprises.Add(enterprise);
                await db.SaveChangesAsync();
                contactId = contact.Id;
            }
            await app.CreateClient().PostAsJsonAsync("/_wx/test/subscribe", new { openId, templateId = Template, count = 2 });
            await Eventually.UntilAsync(() => QuotaAsync(app, openId), q => q == 2);
            emulator.InjectFault("cgi-bin/message/subscribe/send", 0, 1, TimeSpan.FromSeconds(3));

            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
                var now = DateTimeOffset.UtcNow;
                await db.AddOnceAsync(new Notification("case:1:registered", RecipientKind.EnterpriseContact, contactId,
                    NotificationChannel.Subscribe, "case-registered", "您的申请已登记",
                    new NoticeFields { CaseNumber = "DB20261202-000001", Summary = "研发楼", At = now },
                    NoticeTarget.EnterpriseCase(1), 1, now), CancellationToken.None);
                await db.SaveChangesAsync();
            }

            var settled = await Eventually.UntilAsync(() => NotificationAsync(app), n => n.Status != NotificationStatus.Pending);
            Assert.Equal(NotificationStatus.InAppOnly, settled.Status);
            Assert.Contains("未应答", settled.LastError);
            // It took the quota WeChat counts, and WeChat delivered it once.
            Assert.Equal(1, await QuotaAsync(app, openId));
            await Eventually.UntilAsync(() => Task.FromResult(emulator.Messages(openId).Count), n => n == 1);
            await Task.Delay(1500);
            Assert.Single(emulator.Messages(openId));
        });

    private static int Replies(WeChatEmulator emulator, string openId) =>
        emulator.Messages(openId).Count(m => m.Kind == "customer-service");

    private static async Task<List<Daiban.Core.Inbound.InboundMessage>> InboundAsync(DaibanAppFactory app, string openId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().InboundMessages.AsNoTracking()
            .Where(m => m.FromUser == openId && m.MsgType == "text").ToListAsync();
    }

    private static async Task<int> QuotaAsync(DaibanAppFactory app, string openId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().SubscriptionQuotas.AsNoTracking()
            .Where(q => q.OpenId == openId && q.TemplateId == Template).Select(q => q.Remaining).SingleOrDefaultAsync();
    }

    private static async Task<Notification> NotificationAsync(DaibanAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Notifications.AsNoTracking()
            .SingleAsync(n => n.DeduplicationKey == "case:1:registered");
    }
}
