using Daiban.Core.Enterprises;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Testing;
using Daiban.WeChat;
using Daiban.WeChat.Api;
using Daiban.WeChat.Emulator;
using Daiban.WeChat.Notifications;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Notifications;

/// <summary>
/// The contract between notices and the mini-program: every page a notice can open is a page of
/// miniprogram/app.json, every key has its template's keywords, and one notice of each key, sent through the
/// real sender to the emulator (which knows app.json), is accepted.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class NoticeContractTests : IAsyncLifetime
{
    private static string TemplateOf(string key) => "TPL_" + key.ToUpperInvariant().Replace('-', '_');

    private readonly DaibanAppFactory _app = new(DatabaseProvider.Sqlite,
        settings: NoticeKeys.Templated.ToDictionary(k => $"WeChat:Templates:{TemplateOptions.SettingName(k)}", TemplateOf));

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    /// <summary>Read from the checkout itself, not from the copy the emulator uses.</summary>
    private static IReadOnlySet<string> AppJsonPages()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "miniprogram", "app.json");
            if (File.Exists(path))
                return MiniProgramAppJson.Pages(path);
        }
        throw new FileNotFoundException("miniprogram/app.json not found above the test's directory");
    }

    /// <summary>Every field set, at lengths that need fitting.</summary>
    private static readonly NoticeFields Sample = new()
    {
        CaseNumber = "DB20260302-042917", ProjectName = "乳山市海达新材料有限公司年产两万吨环保建材项目", ItemName = "建设工程规划许可证核发",
        AgentName = "李强", AgentPhone = "0631-6651234", Summary = "全部事项已办结，代办员将统一送达办理结果，请留意短信和电话通知",
        Reason = "企业要求人工服务", Subject = "施工许可需要哪些材料？我们的项目在银滩，已经拿到规划许可了", Text = "回复内容",
        EnterpriseName = "乳山市海达新材料有限公司", At = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero),
        Deadline = new DateOnly(2026, 3, 9),
    };

    private static readonly RecipientKind[] Readers = [RecipientKind.EnterpriseContact, RecipientKind.Staff];

    private async Task<List<Notification>> SettledAsync(string keyPrefix, int expected)
    {
        for (var i = 0; i < 300; i++)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Notifications.AsNoTracking()
                .Where(n => n.DeduplicationKey.StartsWith(keyPrefix)).ToListAsync();
            if (rows.Count == expected && rows.All(n => n.Status != NotificationStatus.Pending))
                return rows;
            await Task.Delay(100);
        }
        throw new TimeoutException("Notifications were not dispatched within 30 s.");
    }

    [Fact]
    public void EveryPageANoticeCanOpen_IsAPageOfAppJson()
    {
        var pages = AppJsonPages();
        var opened = 0;
        foreach (var reader in Readers)
            foreach (var target in NoticeTarget.Samples(42))
                if (MiniProgramPages.For(reader, target) is { } page)
                {
                    Assert.True(pages.Contains(MiniProgramPages.PathOf(page)),
                        $"{reader} {target.Destination}: {page} is not in app.json");
                    Assert.EndsWith(target.CaseId is { } id ? $"?id={id}" : MiniProgramPages.PathOf(page), page);
                    opened++;
                }
        // Each reader's case page and list exist: a notice about case 42 opens case 42.
        Assert.Equal("pages/case/case?id=42",
            MiniProgramPages.For(RecipientKind.EnterpriseContact, NoticeTarget.EnterpriseCase(42)));
        Assert.Equal("pages/agent/case/case?id=42",
            MiniProgramPages.For(RecipientKind.Staff, NoticeTarget.AgentCase(42)));
        Assert.Null(MiniProgramPages.For(RecipientKind.Staff, NoticeTarget.EnterpriseCase(42)));
        Assert.Equal(6, opened);
    }

    [Fact]
    public void EveryTemplatedKey_HasKeywords_ThatPassWeChatsValueRules()
    {
        Assert.Equal(NoticeKeys.Templated.Order(), NoticeTemplates.Known.Order());
        foreach (var key in NoticeKeys.Templated)
        {
            var data = NoticeTemplates.DataFor(key, Sample);
            Assert.NotNull(data);
            Assert.NotEmpty(data);
            foreach (var (keyword, value) in data)
                Assert.True(TemplateValueRules.Validate(keyword, value) is null, $"{key}.{keyword} = {value}");
        }
        Assert.Null(NoticeTemplates.DataFor("no-such-key", Sample));
    }

    [Fact]
    public async Task OneNoticeOfEveryKey_ToEveryDestination_IsAcceptedByTheEmulator()
    {
        var emulator = _app.Services.GetRequiredService<WeChatEmulator>();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        var notices = scope.ServiceProvider.GetRequiredService<Notices>();
        var now = DateTimeOffset.UtcNow;
        var contactOpenId = $"oC{Guid.NewGuid():N}"[..26];
        var enterprise = new Enterprise("乳山市海达新材料有限公司", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), now);
        var contact = enterprise.AddContact("孙海", "13806310001", contactOpenId, now);
        db.Enterprises.Add(enterprise);
        var staffOpenId = $"oS{Guid.NewGuid():N}"[..26];
        var agent = new StaffMember($"agent{Guid.NewGuid():N}"[..16], "李强", StaffRoles.Agent, now);
        agent.BindOfficialAccount(staffOpenId, now);
        db.Staff.Add(agent);
        await db.SaveChangesAsync();
        emulator.Follow(staffOpenId);

        var targets = NoticeTarget.Samples(42).ToList();
        foreach (var key in NoticeKeys.Templated)
        {
            // One subscription per notice, both on WeChat's side and in ours.
            var quota = new SubscriptionQuota(contactOpenId, TemplateOf(key), now);
            quota.Grant(targets.Count, now);
            db.SubscriptionQuotas.Add(quota);
            emulator.AcceptSubscription(contactOpenId, TemplateOf(key), targets.Count);
            foreach (var target in targets)
            {
                var what = $"{key}:{target.Destination}";
                db.Notifications.Add(
                    notices.ToContact($"contract:{what}:c", contact.Id, key, key, Sample, target, 42, now));
                db.Notifications.Add(
                    notices.ToStaff($"contract:{what}:s", agent.Id, key, key, Sample, target, 42, now));
            }
        }
        await db.SaveChangesAsync();

        // The host's dispatch job (every second in tests) sends them.
        var rows = await SettledAsync("contract:", NoticeKeys.Templated.Count * targets.Count * 2);
        Assert.All(rows, n =>
            Assert.True(n.Status == NotificationStatus.Sent, $"{n.DeduplicationKey}: {n.Status} {n.LastError}"));
        var sent = emulator.Messages(contactOpenId).Concat(emulator.Messages(staffOpenId)).ToList();
        Assert.Equal(rows.Count, sent.Count);
        var pages = AppJsonPages();
        Assert.All(sent.Where(m => m.Page is not null), m => Assert.Contains(MiniProgramPages.PathOf(m.Page!), pages));
        Assert.Contains(sent, m => m.Page == "pages/case/case?id=42");
        Assert.Contains(sent, m => m.Page == "pages/agent/case/case?id=42");
    }

    [Fact]
    public async Task ARowFromBeforeFields_IsSentWithItsOwnKeywordData()
    {
        var emulator = _app.Services.GetRequiredService<WeChatEmulator>();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        var now = DateTimeOffset.UtcNow;
        var staffOpenId = $"oL{Guid.NewGuid():N}"[..26];
        var agent = new StaffMember($"agent{Guid.NewGuid():N}"[..16], "李强", StaffRoles.Agent, now);
        agent.BindOfficialAccount(staffOpenId, now);
        db.Staff.Add(agent);
        await db.SaveChangesAsync();
        emulator.Follow(staffOpenId);
        var notices = scope.ServiceProvider.GetRequiredService<Notices>();
        // Due later, so the dispatch job leaves it alone until it looks like a row from before.
        db.Notifications.Add(notices.ToStaff("legacy:1", agent.Id, NoticeKeys.CaseUpdate, "旧通知", new NoticeFields(),
            NoticeTarget.AgentCase(7), 7, now.AddHours(1)));
        await db.SaveChangesAsync();
        // As the migration leaves such a row: keyword data, no fields, its page turned into a destination.
        const string legacy = """{"character_string1":"DB20260302-000001","thing2":"企业已确认服务方案","time3":"2026年3月2日 09:00"}""";
        await db.Notifications.Where(n => n.DeduplicationKey == "legacy:1").ExecuteUpdateAsync(u => u
            .SetProperty(n => n.FieldsJson, (string?)null).SetProperty(n => n.DataJson, legacy)
            .SetProperty(n => n.NextAttemptAt, now));

        Assert.Equal(NotificationStatus.Sent, Assert.Single(await SettledAsync("legacy:", 1)).Status);
        var message = Assert.Single(emulator.Messages(staffOpenId));
        Assert.Equal("企业已确认服务方案", message.Data!.Value.GetProperty("thing2").GetProperty("value").GetString());
        Assert.Equal("pages/agent/case/case?id=7", message.Page);
    }
}
