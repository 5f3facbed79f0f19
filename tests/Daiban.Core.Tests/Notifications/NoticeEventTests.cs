using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.DifficultIssues;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Tests.Persistence;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Tests.Notifications;

/// <summary>
/// Domain events become notification rows in the very save that records the change (the notice interceptor and
/// <see cref="Notices"/>): one row per event with its key, reader and destination; nothing when the change is
/// refused or rolled back.
/// </summary>
public abstract class NoticeEventTests(DatabaseProvider provider) : MigratedDatabaseTest(provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 9, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Clerk = Actor.Staff(1, "王敏");

    private sealed record Seeded(long CaseId, long AgentId, Actor Agent, long ContactId, Actor Contact);

    private async Task<Seeded> SubmitAsync(ServiceMode mode)
    {
        await using var db = Database.NewContext();
        var (enterpriseId, projectId, contactId) = await TestData.SeedEnterpriseAsync(db, T0);
        var agent = new Staff.StaffMember($"agent{Guid.NewGuid():N}"[..16], "赵刚", Staff.StaffRoles.Agent, T0);
        db.Staff.Add(agent);
        var catalog = await db.ApprovalItems.Include(i => i.Materials).ToListAsync();
        var scope = ScopeResolver.Resolve(catalog, ProjectCategories.SocialIndustrial, [], ["S3-01", "S3-03"]);
        var contact = Actor.Contact(contactId, "孙海");
        var c = Case.Submit(enterpriseId, projectId, contactId, mode, ApplicationChannel.Online,
            [Stage.ConstructionLicence], scope, "代办施工许可", null, contact, T0);
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        Assert.Empty(await db.Notifications.Where(n => n.CaseId == c.Id).ToListAsync());   // submitting tells nobody
        return new Seeded(c.Id, agent.Id, Actor.Staff(agent.Id, agent.DisplayName), contactId, contact);
    }

    /// <summary>One request: load the case, change it, save once; returns the rows that save added.</summary>
    private async Task<List<Notification>> Step(long caseId, Func<Case, BusinessCalendar, bool> change)
    {
        await using var db = Database.NewContext();
        var before = await db.Notifications.Select(n => n.Id).ToListAsync();
        var c = await db.Cases.LoadAggregate(caseId);
        var calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
        Assert.True(change(c, calendar), "the step should change the case");
        await db.SaveChangesAsync();
        return await db.Notifications.AsNoTracking().Where(n => !before.Contains(n.Id)).OrderBy(n => n.Id)
            .ToListAsync();
    }

    private static void Told(IEnumerable<Notification> rows,
        params (string Key, RecipientKind Reader, long ReaderId, NoticeTarget Target)[] expected) =>
        Assert.Equal(expected.Select(e => $"{e.Key} {e.Reader}:{e.ReaderId} {e.Target}"),
            rows.Select(n => $"{n.TemplateKey} {n.RecipientKind}:{n.RecipientId} {n.Target}"));

    [Fact]
    public async Task EachCaseEvent_YieldsItsNotice_InTheSameSave()
    {
        var s = await SubmitAsync(ServiceMode.Agency);
        var id = s.CaseId;
        var now = T0;
        NoticeTarget Case() => NoticeTarget.EnterpriseCase(id);
        NoticeTarget AgentCase() => NoticeTarget.AgentCase(id);
        const RecipientKind contact = RecipientKind.EnterpriseContact, staff = RecipientKind.Staff;

        Told(await Step(id, (c, _) => c.Register(Clerk, now = now.AddHours(1))),
            (NoticeKeys.CaseRegistered, contact, s.ContactId, Case()));
        var assigned = await Step(id, (c, _) => c.AssignAgent(s.AgentId, "赵刚", "熟悉施工许可", Clerk, now = now.AddHours(1)));
        Told(assigned, (NoticeKeys.CaseAssigned, staff, s.AgentId, AgentCase()),
            (NoticeKeys.AgentAssigned, contact, s.ContactId, Case()));
        Assert.Equal("赵刚", assigned[1].Fields!.AgentName);
        Assert.Empty(await Step(id, (c, _) => c.Start(s.Agent, now = now.AddHours(1))));
        var asked = await Step(id, (c, _) => c.RequestMaterials(["营业执照", "用地规划许可证"], s.Agent, now = now.AddHours(1)));
        Told(asked, (NoticeKeys.MaterialsNeeded, contact, s.ContactId, Case()));
        Assert.Equal("需补充2项材料：营业执照、用地规划许可证", asked[0].Fields!.Summary);
        Assert.Equal(now, asked[0].Fields!.At);
        // The enterprise's upload tells the agent; the agent's own registration of a material tells nobody.
        Told(await Step(id, (c, _) =>
                c.ReceiveMaterial("营业执照", null, 1, false, "upload/abc.pdf", s.Contact, now = now.AddHours(1)) is not null),
            (NoticeKeys.CaseUpdate, staff, s.AgentId, AgentCase()));
        Assert.Empty(await Step(id, (c, _) =>
            c.ReceiveMaterial("用地规划许可证", null, 1, true, null, s.Agent, now = now.AddHours(1)) is not null));
        Told(await Step(id, (c, _) => c.MailMaterialsIn("原件", "EMS", "EMS001", s.Contact, now = now.AddHours(1))),
            (NoticeKeys.CaseUpdate, staff, s.AgentId, AgentCase()));
        Told(await Step(id, (c, _) => c.MailPapersBack("原件", "EMS", "EMS002", s.Agent, now = now.AddHours(1))),
            (NoticeKeys.DeliverySent, contact, s.ContactId, Case()));
        Assert.Empty(await Step(id, (c, _) => c.ResumeAfterMaterials(s.Agent, now = now.AddHours(1))));
        foreach (var code in new[] { "S3-01", "S3-03" })
        {
            Assert.Empty(await Step(id, (c, cal) =>
                c.SubmitItem(code, new DateOnly(2026, 2, 10), null, cal, s.Agent, now = now.AddHours(1))));
            var approved = await Step(id, (c, _) =>
                c.ApproveItem(code, $"许可{code}", null, s.Agent, now = now.AddHours(1)));
            Told(approved, (NoticeKeys.ItemApproved, contact, s.ContactId, Case()));
            Assert.Contains($"许可{code}", approved[0].Fields!.Summary);
        }
        Told(await Step(id, (c, _) => c.MarkResultsReady(s.Agent, now = now.AddHours(1))),
            (NoticeKeys.ResultsReady, contact, s.ContactId, Case()));
        Told(await Step(id, (c, _) => c.MailResults("许可证", "EMS", "EMS003", s.Agent, now = now.AddHours(1))),
            (NoticeKeys.DeliverySent, contact, s.ContactId, Case()));
        Told(await Step(id, (c, _) => c.ConfirmReceipt("孙海", null, s.Contact, now = now.AddHours(1))),
            (NoticeKeys.CaseUpdate, staff, s.AgentId, AgentCase()));
    }

    [Fact]
    public async Task PlanAndClosingEvents_TellTheOtherSide()
    {
        var s = await SubmitAsync(ServiceMode.FullService);
        var id = s.CaseId;
        await Step(id, (c, _) => c.Register(Clerk, T0));
        await Step(id, (c, _) => c.AssignAgent(s.AgentId, "赵刚", "测试", Clerk, T0));
        Told(await Step(id, (c, _) =>
                c.ProposePlan("全程包办", [new PlanStep(1, "施工许可", "S3-03", new DateOnly(2026, 3, 20))], s.Agent, T0)
                    is not null),
            (NoticeKeys.PlanToAgree, RecipientKind.EnterpriseContact, s.ContactId, NoticeTarget.EnterpriseCase(id)));
        var rejected = await Step(id, (c, _) => c.DecidePlan(false, "时间太紧", s.Contact, T0));
        Told(rejected, (NoticeKeys.CaseUpdate, RecipientKind.Staff, s.AgentId, NoticeTarget.AgentCase(id)));
        Assert.Equal("企业退回方案：时间太紧", rejected[0].Fields!.Summary);
        // The enterprise withdraws itself: only the agent is told.
        Told(await Step(id, (c, _) => c.Withdraw("项目暂缓", s.Contact, T0)),
            (NoticeKeys.CaseUpdate, RecipientKind.Staff, s.AgentId, NoticeTarget.AgentCase(id)));

        var other = await SubmitAsync(ServiceMode.Agency);
        Told(await Step(other.CaseId, (c, _) => c.Reject("不属于工程建设项目", Clerk, T0)),
            (NoticeKeys.CaseClosed, RecipientKind.EnterpriseContact, other.ContactId,
                NoticeTarget.EnterpriseCase(other.CaseId)));
    }

    [Fact]
    public async Task ARefusedOrUnsavedChange_TellsNobody()
    {
        var s = await SubmitAsync(ServiceMode.FullService);
        await Step(s.CaseId, (c, _) => c.Register(Clerk, T0));
        var before = await CountAsync();

        await using (var db = Database.NewContext())
        {
            var c = await db.Cases.LoadAggregate(s.CaseId);
            Assert.False(c.Register(Clerk, T0.AddHours(1)));                      // no change, no event
            Assert.Throws<DomainRuleException>(() => c.DecidePlan(true, null, s.Contact, T0));   // refused
            await db.SaveChangesAsync();
        }
        Assert.Equal(before, await CountAsync());

        // Saved inside a transaction that is rolled back: the notice goes with the change.
        await using (var db = Database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var c = await db.Cases.LoadAggregate(s.CaseId);
            Assert.True(c.AssignAgent(s.AgentId, "赵刚", "测试", Clerk, T0));
            await db.SaveChangesAsync();
            Assert.Equal(before + 2, await db.Notifications.CountAsync());
            await transaction.RollbackAsync();
        }
        Assert.Equal(before, await CountAsync());
        await using var check = Database.NewContext();
        Assert.Equal(CaseStatus.Registered, (await check.Cases.SingleAsync(c => c.Id == s.CaseId)).Status);
    }

    [Fact]
    public async Task ADifficultIssue_WithALiaison_TellsTheLiaison_InTheSaveThatRaisesIt()
    {
        var s = await SubmitAsync(ServiceMode.Agency);
        await using var db = Database.NewContext();
        var deadline = new DateOnly(2026, 2, 20);
        db.DifficultIssues.Add(new DifficultIssue(s.CaseId, null, "消防审验意见与规划条件冲突", "ZJ", 77, deadline, Clerk, T0));
        db.DifficultIssues.Add(new DifficultIssue(s.CaseId, null, "无联络员的问题", "ZJ", null, deadline, Clerk, T0.AddSeconds(1)));
        await db.SaveChangesAsync();

        var row = Assert.Single(await db.Notifications.AsNoTracking().ToListAsync());
        Assert.Equal((NoticeKeys.IssueAssigned, RecipientKind.Staff, 77L, s.CaseId),
            (row.TemplateKey, row.RecipientKind, row.RecipientId, row.CaseId));
        Assert.Equal("消防审验意见与规划条件冲突", row.Fields!.Subject);
        Assert.Equal(new DateOnly(2026, 2, 20), row.Fields.Deadline);
    }

    private async Task<int> CountAsync()
    {
        await using var db = Database.NewContext();
        return await db.Notifications.CountAsync();
    }
}

[Collection(DatabaseCollection.Name)]
public sealed class SqliteNoticeEventTests() : NoticeEventTests(DatabaseProvider.Sqlite);

[Collection(DatabaseCollection.Name)]
public sealed class MariaDbNoticeEventTests() : NoticeEventTests(DatabaseProvider.MySql);
