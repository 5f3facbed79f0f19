using System.Net.Http.Json;
using System.Text.Json;
using Daiban.Core.Cases;
using Daiban.Core.Calendar;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;
using Daiban.Core.Staff;
using Daiban.Jobs.Notifications;
using Daiban.Testing;
using Daiban.WeChat.Api;
using Daiban.WeChat.Emulator;
using Daiban.WeChat.Push;
using Daiban.Web.Cases;
using Daiban.Web.Staff;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Notifications;

/// <summary>The outbox end to end: rows written with a change, dispatched by the Hangfire job on the real Redis storage, through the emulator.</summary>
[Collection(HostCollection.Name)]
public sealed class NotificationOutboxTests : IAsyncLifetime
{
    private const string RegisteredTemplate = "TPL_CASE_REGISTERED";
    private const string AssignedTemplate = "TPL_CASE_ASSIGNED";
    private const string ItemApprovedTemplate = "TPL_ITEM_APPROVED";

    private readonly DaibanAppFactory _app = new(DatabaseProvider.MySql, TestServers.Redis, settings: new Dictionary<string, string>
    {
        ["WeChat:Templates:CaseRegistered"] = RegisteredTemplate,
        ["WeChat:Templates:CaseAssigned"] = AssignedTemplate,
        ["WeChat:Templates:ItemApproved"] = ItemApprovedTemplate,
    });

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private WeChatEmulator Emulator => _app.Services.GetRequiredService<WeChatEmulator>();

    private async Task<(long ContactId, string ContactOpenId, long StaffId, string StaffOpenId)> SeedPeopleAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        var now = DateTimeOffset.UtcNow;
        var contactOpenId = $"oC{Guid.NewGuid():N}"[..26];
        var enterprise = new Enterprise("乳山市海达新材料有限公司", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), now);
        var contact = enterprise.AddContact("孙海", "13806310001", contactOpenId, now);
        contact.Confirm(CaseBuilder.Clerk, ContactEvidence.InPersonAtWindow, null, now);
        db.Enterprises.Add(enterprise);
        var staffOpenId = $"oS{Guid.NewGuid():N}"[..26];
        var agent = new StaffMember($"agent{Guid.NewGuid():N}"[..16], "李强", StaffRoles.Agent, now);
        agent.BindOfficialAccount(staffOpenId, DateTimeOffset.UtcNow);
        db.Staff.Add(agent);
        await db.SaveChangesAsync();
        return (contact.Id, contactOpenId, agent.Id, staffOpenId);
    }

    private async Task AddAsync(params Notification[] notifications)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        foreach (var n in notifications)
            await db.AddOnceAsync(n, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    /// <summary>Waits until <paramref name="expected"/> notices (of <paramref name="templateKey"/>, if given) are settled.</summary>
    private async Task<List<Notification>> WaitUntilSettledAsync(int expected, string? templateKey = null)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var all = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Notifications.AsNoTracking()
                .Where(n => templateKey == null || n.TemplateKey == templateKey).ToListAsync();
            if (all.Count == expected && all.All(n => n.Status != NotificationStatus.Pending))
                return all;
            await Task.Delay(100);
        }
        throw new TimeoutException("Notifications were not dispatched within 20 s.");
    }

    private static string Data(object data) => JsonSerializer.Serialize(data);

    [Fact]
    public async Task Outbox_IsDispatchedByTheJob_OncePerKey_WithQuotaAndFollowRules()
    {
        var people = await SeedPeopleAsync();
        var client = _app.CreateClient();
        // The contact accepts one subscription: the emulator grants it and pushes the popup event to us.
        var accepted = await client.PostAsJsonAsync("/_wx/test/subscribe", new { openId = people.ContactOpenId, templateId = RegisteredTemplate, count = 1 });
        Assert.Equal("success", (await accepted.Content.ReadFromJsonAsync<PushDeliveryReport>())!.Verdict);
        Emulator.Follow(people.StaffOpenId);
        await WaitForQuotaAsync(people.ContactOpenId, 1);

        var now = DateTimeOffset.UtcNow;
        await AddAsync(
            new Notification("case:1:registered", RecipientKind.EnterpriseContact, people.ContactId, NotificationChannel.Subscribe, "case-registered",
                "您的申请已登记", new NoticeFields { CaseNumber = "DB20260302-000001", Summary = "乳山市海达新材料有限公司年产两万吨环保建材项目", At = now },
                NoticeTarget.EnterpriseCase(1), 1, now),
            new Notification("case:1:assigned", RecipientKind.Staff, people.StaffId, NotificationChannel.Template, "case-assigned",
                "新指派案件", new NoticeFields { ProjectName = "海达新材料项目", CaseNumber = "DB20260302-000001" }, NoticeTarget.AgentCase(1), 1, now),
            new Notification("case:2:registered", RecipientKind.EnterpriseContact, people.ContactId, NotificationChannel.Subscribe, "case-registered",
                "您的申请已登记", new NoticeFields { CaseNumber = "DB20260302-000002", Summary = "二期", At = now }, NoticeTarget.None, 2, now));
        // Adding the same key again (a retried cause) queues nothing.
        await AddAsync(new Notification("case:1:assigned", RecipientKind.Staff, people.StaffId, NotificationChannel.Template, "case-assigned", "重复",
            new NoticeFields(), NoticeTarget.None, 1, now));

        var settled = await WaitUntilSettledAsync(3);

        Assert.Equal(NotificationStatus.Sent, settled.Single(n => n.DeduplicationKey == "case:1:registered").Status);
        Assert.Equal(NotificationStatus.Sent, settled.Single(n => n.DeduplicationKey == "case:1:assigned").Status);
        var withoutQuota = settled.Single(n => n.DeduplicationKey == "case:2:registered");
        Assert.Equal(NotificationStatus.InAppOnly, withoutQuota.Status);
        Assert.Contains("订阅次数", withoutQuota.LastError);
        var toContact = Assert.Single(Emulator.Messages(people.ContactOpenId));
        Assert.Equal(RegisteredTemplate, toContact.TemplateId);
        Assert.Equal(20, toContact.Data!.Value.GetProperty("thing2").GetProperty("value").GetString()!.Length);
        var toStaff = Assert.Single(Emulator.Messages(people.StaffOpenId));
        Assert.Equal("pages/agent/case/case?id=1", toStaff.Page);
        await WaitForQuotaAsync(people.ContactOpenId, 0);

        // Running the job again (twice) sends nothing more.
        await using var scope = _app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<DispatchNotificationsJob>();
        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);
        Assert.Single(Emulator.Messages(people.ContactOpenId));
        Assert.Single(Emulator.Messages(people.StaffOpenId));
    }

    /// <summary>
    /// Architecture issue, item 6: an item-approved notice keeps its 批准文号 within WeChat's field rules, whatever
    /// the number: Chinese, or longer than the field (then cut with an ellipsis, as a thing field allows).
    /// </summary>
    [Fact]
    public async Task ItemApproved_SendsTheDocumentNumber_WithinTheFieldRules()
    {
        var people = await SeedPeopleAsync();
        var numbers = new[] { "乳住建施字〔2026〕第0123号", "乳审〔2026〕7号", "乳山市住房和城乡建设局建字第371083202600012号" };
        var client = _app.CreateClient();
        await client.PostAsJsonAsync("/_wx/test/subscribe",
            new { openId = people.ContactOpenId, templateId = ItemApprovedTemplate, count = numbers.Length });
        await WaitForQuotaAsync(people.ContactOpenId, numbers.Length, ItemApprovedTemplate);

        foreach (var number in numbers)
            await ApproveSavedCaseAsync(people.ContactId, people.StaffId, number);
        // Registering, assigning and starting each case told people too; only the approvals are looked at here.
        var settled = await WaitUntilSettledAsync(numbers.Length, NoticeKeys.ItemApproved);

        Assert.All(settled, n => Assert.Equal(NotificationStatus.Sent, n.Status));
        var sent = Emulator.Messages(people.ContactOpenId).Select(m => m.Data!.Value.EnumerateObject()
            .ToDictionary(f => f.Name, f => f.Value.GetProperty("value").GetString()!)).ToList();
        Assert.Equal(numbers.Length, sent.Count);
        foreach (var fields in sent)
            Assert.All(fields, f => Assert.Null(TemplateValueRules.Validate(f.Key, f.Value)));
        var things = sent.Select(f => f["thing2"]).ToList();
        Assert.Contains("乳住建施字〔2026〕第0123号，建…", things);
        Assert.Contains("乳审〔2026〕7号，建筑工程施工许可…", things);
        Assert.Contains("乳山市住房和城乡建设局建字第37108…", things);
    }

    /// <summary>A saved 代办 case of the contact, its 施工许可 item approved with <paramref name="number"/>.</summary>
    private async Task ApproveSavedCaseAsync(long contactId, long agentId, string number)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        var now = DateTimeOffset.UtcNow;
        var contact = await db.EnterpriseContacts.SingleAsync(x => x.Id == contactId);
        var project = new Project(contact.EnterpriseId, new ProjectFacts("海达新材料研发楼", null, "乳山市经济开发区",
            InvestmentType.Social, ProjectKind.Industrial, null, null, null, null, null, null, null,
            LandSupply.Transfer, null, null, null, null), now);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var agent = Actor.Staff(agentId, "李强");
        var c = Case.Submit(contact.EnterpriseId, project.Id, contactId, ServiceMode.Agency, ApplicationChannel.Online,
            [Stage.ConstructionLicence], [await db.ApprovalItems.SingleAsync(i => i.Code == "S3-03")], null, null,
            Actor.Contact(contactId, contact.Name), now);
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        c.Register(CaseBuilder.Clerk, now);
        c.AssignAgent(agentId, agent.Name, "测试", CaseBuilder.Clerk, now);
        c.Start(agent, now);
        // Accepted on a day the shipped calendar covers, whatever today is.
        var calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
        c.SubmitItem("S3-03", new DateOnly(2026, 3, 2), null, calendar, agent, now);
        c.ApproveItem("S3-03", number, null, agent, now);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task TransientFailure_IsRetriedLater_NotLost()
    {
        var people = await SeedPeopleAsync();
        Emulator.Follow(people.StaffOpenId);
        Emulator.InjectFault("cgi-bin/message/template/send", 45011, 1);
        await AddAsync(new Notification("case:9:assigned", RecipientKind.Staff, people.StaffId, NotificationChannel.Template, "case-assigned",
            "新指派案件", new NoticeFields { ProjectName = "测试项目" }, NoticeTarget.None, 9, DateTimeOffset.UtcNow));

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        for (var i = 0; i < 100; i++)
        {
            var n = await db.Notifications.AsNoTracking().SingleAsync(x => x.DeduplicationKey == "case:9:assigned");
            if (n.Attempts > 0)
            {
                Assert.Equal(NotificationStatus.Pending, n.Status);
                Assert.Equal("45011", n.LastError);
                Assert.True(n.NextAttemptAt > DateTimeOffset.UtcNow);
                Assert.Empty(Emulator.Messages(people.StaffOpenId));
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("The dispatcher never tried the notification.");
    }

    private async Task WaitForQuotaAsync(string openId, int remaining, string template = RegisteredTemplate)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var quota = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().SubscriptionQuotas.AsNoTracking()
                .SingleOrDefaultAsync(q => q.OpenId == openId && q.TemplateId == template);
            if (quota?.Remaining == remaining)
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Quota of {openId} never reached {remaining}.");
    }
}

public sealed class SubscriptionEventsTests
{
    [Fact]
    public void Parse_XmlList_AndJsonObjectOrArray()
    {
        var xml = "<List><TemplateId><![CDATA[T1]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString></List><List><TemplateId>T2</TemplateId><SubscribeStatusString>reject</SubscribeStatusString></List>";
        Assert.Equal([("T1", true), ("T2", false)], SubscriptionEvents.Parse(xml).Select(c => (c.TemplateId, c.Accepted)));
        Assert.Equal([("T3", true)], SubscriptionEvents.Parse("{\"List\":{\"TemplateId\":\"T3\",\"SubscribeStatusString\":\"acceptWithAlert\"}}").Select(c => (c.TemplateId, c.Accepted)));
        Assert.Equal(2, SubscriptionEvents.Parse("{\"List\":[{\"TemplateId\":\"A\",\"SubscribeStatusString\":\"accept\"},{\"TemplateId\":\"B\",\"SubscribeStatusString\":\"reject\"}]}").Count);
        Assert.Empty(SubscriptionEvents.Parse(null));
    }
}
