using Daiban.Core.Assignment;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Tests.Persistence;

/// <summary>The same persistence behaviour on the production database (MariaDB) and the embedded one (SQLite).</summary>
public abstract class CasePersistenceTests(DatabaseProvider provider) : MigratedDatabaseTest(provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 9, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Clerk = Actor.Staff(1, "王敏");

    [Fact]
    public async Task Migrations_MatchTheModel_AndSeedTheReferenceData()
    {
        await using var db = Database.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration for this provider");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(await db.ApprovalItems.CountAsync() >= 25);
        Assert.Equal(4, await db.ApprovalItems.Where(i => i.Stage != Stage.Parallel).Select(i => i.Stage).Distinct().CountAsync());
        Assert.True(await db.CalendarDays.CountAsync(d => d.Kind == CalendarDayKind.MakeUpWorkday) >= 10);
        var permit = await db.ApprovalItems.Include(i => i.Materials).SingleAsync(i => i.Code == "S3-03");
        Assert.Equal(new TimeLimit(7, TimeLimitUnit.CalendarDays), permit.StatutoryLimit);
        Assert.Contains(permit.Materials, m => m.IsCore && m.Name.Contains("规划许可证"));
        Assert.Contains("S2-02", permit.Prerequisites);
    }

    [Fact]
    public async Task Migrate_Twice_AddsNothing()
    {
        await using var db = Database.NewContext();
        var before = await db.ApprovalItems.CountAsync() + await db.CalendarDays.CountAsync() + await db.Departments.CountAsync();

        await Database.MigrateAsync();

        Assert.Equal(before, await db.ApprovalItems.CountAsync() + await db.CalendarDays.CountAsync() + await db.Departments.CountAsync());
    }

    [Fact]
    public async Task FullServiceCase_PersistsFromSubmissionToArchive()
    {
        var (caseId, agent, contact) = await SubmitFullServiceCaseAsync();
        var now = T0;

        await Step(caseId, (c, _) => c.Register(Clerk, now = now.AddHours(1)));
        await Step(caseId, (c, _) => c.AssignAgent(agent.Id!.Value, agent.Name, "熟悉四个阶段；当前负荷最低", Clerk, now = now.AddHours(1)));
        await Step(caseId, (c, _) => c.ProposePlan("从立项到竣工验收全程包办，并联推进环评与施工图审查。", [
            new PlanStep(1, "企业投资项目备案", "S1-01", new DateOnly(2026, 2, 13)),
            new PlanStep(2, "施工图联合审图与施工许可", "S3-03", new DateOnly(2026, 3, 20)),
        ], agent, now = now.AddHours(1)) is not null);
        await Step(caseId, (c, _) => c.DecidePlan(true, "同意方案", contact, now = now.AddHours(1)));
        await Step(caseId, (c, _) => c.Start(agent, now = now.AddHours(1)));
        await Step(caseId, (c, _) =>
        {
            var m = c.ReceiveMaterial("营业执照（原件）", "S1-01", 1, true, null, agent, now = now.AddHours(1));
            return m is not null;
        });
        var materialId = await WithContext(db => db.Set<MaterialRecord>().Where(m => m.CaseId == caseId).Select(m => m.Id).SingleAsync());
        await Step(caseId, (c, _) => c.ReviewMaterial(materialId, MaterialReview.Passed, null, agent, now));
        await Step(caseId, (c, _) => c.ForwardMaterial(materialId, "FGJ", agent, now));
        await Step(caseId, (c, _) => c.ReturnOriginal(materialId, agent, now));
        await Step(caseId, (c, cal) => c.SubmitItem("S3-03", new DateOnly(2026, 2, 10), "SG-2026-01", cal, agent, now));
        await Step(caseId, (c, cal) => c.RequestItemSupplement("S3-03", "缺少施工合同", new DateOnly(2026, 2, 12), cal, agent, now));
        await Step(caseId, (c, _) => c.RequestMaterials(["施工合同", "监理合同"], agent, now));
        await Step(caseId, (c, _) => c.ResumeAfterMaterials(contact, now));
        await Step(caseId, (c, cal) => c.SubmitItem("S3-03", new DateOnly(2026, 2, 25), null, cal, agent, now));
        await Step(caseId, (c, _) =>
        {
            c.AddWorkLog("组织联审会议，明确施工许可申报条件。", "人防意见未出", "跟踪住建部门意见", "S3-03", milestone: true, visibleToEnterprise: true, agent, now);
            return true;
        });
        await Step(caseId, (c, cal) =>
        {
            foreach (var item in c.Items.Where(i => i.Status.IsOpen()))
            {
                if (item.Status != CaseItemStatus.SubmittedToDepartment)
                    c.SubmitItem(item.ItemCode, new DateOnly(2026, 3, 2), null, cal, agent, now);
                c.ApproveItem(item.ItemCode, $"乳审{item.ItemCode}〔2026〕1号", null, agent, now);
            }
            return true;
        });
        await Step(caseId, (c, _) => c.MarkResultsReady(agent, now = now.AddDays(30)));
        await Step(caseId, (c, _) => c.MailResults("全部批文、证照及申报材料原件", "中国邮政EMS", "EMS9876543210", agent, now));
        await Step(caseId, (c, _) => c.ConfirmReceipt("孙海", "sig/2026/abc.png", contact, now = now.AddDays(1)));
        await Step(caseId, (c, cal) => c.Evaluate(new EvaluationForm(SatisfactionLevel.VerySatisfied, SatisfactionLevel.VerySatisfied,
            SatisfactionLevel.Satisfied, SatisfactionLevel.VerySatisfied, SatisfactionLevel.VerySatisfied, "全程省心", "希望增加夜间咨询"), cal, 5, contact, now));
        await using (var db = Database.NewContext())
        {
            var c = await db.Cases.LoadAggregate(caseId);
            var enterprise = await db.Enterprises.SingleAsync(e => e.Id == c.EnterpriseId);
            var project = await db.Projects.SingleAsync(p => p.Id == c.ProjectId);
            var archive = CaseArchiveCompiler.Compile(c, enterprise, project, Clerk, now);
            db.CaseArchives.Add(archive);
            c.Archive(archive, Clerk, now);
            await db.SaveChangesAsync();
        }

        await using var check = Database.NewContext();
        var done = await check.Cases.LoadAggregate(caseId);
        Assert.Equal(CaseStatus.Archived, done.Status);
        Assert.Equal(
            [CaseStatus.Registered, CaseStatus.Assigned, CaseStatus.PlanProposed, CaseStatus.PlanAgreed, CaseStatus.InProgress,
             CaseStatus.AwaitingMaterials, CaseStatus.InProgress, CaseStatus.ResultsReady, CaseStatus.Delivered, CaseStatus.Evaluated, CaseStatus.Archived],
            done.Transitions.OrderBy(t => t.Id).Select(t => t.To));
        Assert.Equal(PlanDecision.Agreed, done.CurrentPlan!.Decision);
        Assert.Equal(2, done.CurrentPlan.Steps.Count);
        Assert.Equal("S3-03", done.CurrentPlan.Steps[1].ItemCode);
        Assert.All(done.Items, i => Assert.Equal(CaseItemStatus.Approved, i.Status));
        var permit = done.Items.Single(i => i.ItemCode == "S3-03");
        // Accepted 10 Feb, 3 promised days, 4 working days paused (13, 14, 24, 25 Feb): due 26 Feb.
        Assert.Equal(new DateOnly(2026, 2, 26), permit.DueOn);
        Assert.Single(permit.Pauses);
        Assert.NotNull(done.Materials.Single().OriginalReturnedAt);
        Assert.Equal("FGJ", done.Materials.Single().ForwardedToDepartment);
        Assert.Contains(done.Log, l => l.Kind == LogKind.Milestone && l.Problems == "人防意见未出");
        Assert.Contains(done.Log, l => l.Content.Contains("1. 施工合同；2. 监理合同"));
        Assert.Equal("EMS9876543210", done.Delivery!.TrackingNumber);
        Assert.True(done.Delivery.IsReceiptSigned);
        Assert.Equal(agent.Id, done.Evaluation!.AgentId);
        var stored = await check.CaseArchives.SingleAsync(a => a.CaseId == caseId);
        Assert.Equal(CaseArchiveCompiler.Hash(stored.ContentJson), stored.ContentHash);
        Assert.Contains("希望增加夜间咨询", stored.ContentJson);
        Assert.Contains("海达", stored.ContentJson);
    }

    [Fact]
    public async Task ConcurrentUpdate_OfOneCase_IsDetected()
    {
        var (caseId, _, _) = await SubmitFullServiceCaseAsync();
        await using var first = Database.NewContext();
        await using var second = Database.NewContext();
        var a = await first.Cases.LoadAggregate(caseId);
        var b = await second.Cases.LoadAggregate(caseId);

        a.Register(Clerk, T0.AddMinutes(5));
        await first.SaveChangesAsync();
        b.Withdraw("企业撤回申请", Actor.Contact(1, "孙海"), T0.AddMinutes(6));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = Database.NewContext();
        Assert.Equal(CaseStatus.Registered, (await check.Cases.SingleAsync(c => c.Id == caseId)).Status);
    }

    [Fact]
    public async Task SameIdempotencyKey_FromOneContact_IsRefusedByTheDatabase()
    {
        var (enterpriseId, projectId, contactId) = await SeedEnterpriseAsync();
        await using var db = Database.NewContext();
        var item = await db.ApprovalItems.SingleAsync(i => i.Code == "S3-03");
        db.Cases.Add(Case.Submit(enterpriseId, projectId, contactId, ServiceMode.Agency, ApplicationChannel.Online, [], [item], null, "key-1", Clerk, T0));
        await db.SaveChangesAsync();

        await using var again = Database.NewContext();
        again.Cases.Add(Case.Submit(enterpriseId, projectId, contactId, ServiceMode.Agency, ApplicationChannel.Online, [], [item], null, "key-1", Clerk, T0));

        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }

    [Fact]
    public async Task Notification_DeduplicationKey_IsUnique()
    {
        await using var db = Database.NewContext();
        db.Notifications.Add(new Notification("case:1:assigned", RecipientKind.Staff, 2, NotificationChannel.Template, "case-assigned", "新案件",
            new NoticeFields(), NoticeTarget.AgentCase(1), 1, T0));
        await db.SaveChangesAsync();
        await using var again = Database.NewContext();
        again.Notifications.Add(new Notification("case:1:assigned", RecipientKind.Staff, 2, NotificationChannel.Template, "case-assigned", "新案件",
            new NoticeFields(), NoticeTarget.None, 1, T0));

        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }

    [Fact]
    public async Task DueItemsQuery_FindsOnlyRunningClocksWithinTheWindow()
    {
        var (caseId, agent, _) = await SubmitFullServiceCaseAsync(ServiceMode.Agency);
        await Step(caseId, (c, _) => c.Register(Clerk, T0));
        await Step(caseId, (c, _) => c.AssignAgent(agent.Id!.Value, agent.Name, "测试", Clerk, T0));
        await Step(caseId, (c, _) => c.Start(agent, T0));
        await Step(caseId, (c, cal) => c.SubmitItem("S3-03", new DateOnly(2026, 2, 10), null, cal, agent, T0));
        await Step(caseId, (c, cal) => c.SubmitItem("S3-01", new DateOnly(2026, 2, 10), null, cal, agent, T0));
        await Step(caseId, (c, cal) => c.PauseItemClock("S3-01", PauseReason.ExpertReview, null, new DateOnly(2026, 2, 11), cal, agent, T0));

        await using var db = Database.NewContext();
        var calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
        var due = await db.CaseItems.DueWithin(calendar, new DateOnly(2026, 2, 11), 2).ToListAsync();

        // S3-03 is due 13 Feb, two working days after 11 Feb; S3-01's clock is paused.
        Assert.Equal(["S3-03"], due.Select(i => i.ItemCode));
    }

    [Fact]
    public async Task AgentProfiles_WeighOpenCasesByMode_AndFindTheFirstContactAgent()
    {
        var (caseId, agent, _) = await SubmitFullServiceCaseAsync();
        await Step(caseId, (c, _) => c.Register(Clerk, T0));
        await Step(caseId, (c, _) => c.AssignAgent(agent.Id!.Value, agent.Name, "测试", Clerk, T0.AddMinutes(1)));
        long enterpriseId, projectId;
        await using (var db = Database.NewContext())
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            (enterpriseId, projectId) = (c.EnterpriseId, c.ProjectId);
            var away = new Staff.StaffMember($"away{Guid.NewGuid():N}"[..16], "休假中", Staff.StaffRoles.Agent, T0);
            away.MarkAway(new DateOnly(2026, 3, 31));
            db.Staff.Add(away);
            await db.SaveChangesAsync();
        }

        await using var check = Database.NewContext();
        var profiles = await AgentProfiles.LoadAsync(check, new DateOnly(2026, 3, 2), routedCaseId: null,
            CancellationToken.None);
        var first = await AgentProfiles.FirstContactAgentAsync(check, enterpriseId, projectId, excludingCaseId: -1, CancellationToken.None);

        var mine = profiles.Single(p => p.Id == agent.Id);
        Assert.Equal(4, mine.OpenLoad); // one open 包办 case
        Assert.Equal(T0.AddMinutes(1), mine.LastAssignedAt);
        Assert.False(profiles.Single(p => p.Name == "休假中").Available);
        Assert.Equal(agent.Id, first);
        Assert.Null(await AgentProfiles.FirstContactAgentAsync(check, enterpriseId, projectId, excludingCaseId: caseId, CancellationToken.None));
    }

    [Fact]
    public async Task RoutingAnAssignedCase_DoesNotCountTheCaseAgainstItsOwnAgent()
    {
        // Two alike agents with one 代办 case each; the one routed again went to A, after B got the other.
        var (other, agentB, _) = await SubmitFullServiceCaseAsync(ServiceMode.Agency);
        var (routed, agentA, _) = await SubmitFullServiceCaseAsync(ServiceMode.Agency);
        await Step(other, (c, _) => c.Register(Clerk, T0));
        await Step(other, (c, _) => c.AssignAgent(agentB.Id!.Value, agentB.Name, "测试", Clerk, T0.AddMinutes(1)));
        await Step(routed, (c, _) => c.Register(Clerk, T0));
        await Step(routed, (c, _) => c.AssignAgent(agentA.Id!.Value, agentA.Name, "测试", Clerk, T0.AddMinutes(2)));

        await using var db = Database.NewContext();
        var @case = await db.Cases.AsNoTracking().LoadAggregate(routed);
        var decision = await new CaseAssigner(db, TimeProvider.System).SuggestAsync(@case, CancellationToken.None);
        var everything = await AgentProfiles.LoadAsync(db, new DateOnly(2026, 3, 2), routedCaseId: null,
            CancellationToken.None);

        // Without its own case A is free and was never assigned before it; B carries its case.
        Assert.Equal(agentA.Id, decision.AgentId);
        Assert.Equal(0, decision.Ranking.Single(r => r.AgentId == agentA.Id).OpenLoad);
        Assert.Equal(2, decision.Ranking.Single(r => r.AgentId == agentB.Id).OpenLoad);
        Assert.Contains("当前负荷0", decision.Explanation);
        // For anything else the case counts as usual.
        Assert.Equal(2, everything.Single(p => p.Id == agentA.Id).OpenLoad);
        Assert.Equal(T0.AddMinutes(2), everything.Single(p => p.Id == agentA.Id).LastAssignedAt);
    }

    [Fact]
    public async Task ANewHoliday_MovesTheDueDatesOfRunningItems_AndLogsIt_ButNotOfClosedCases()
    {
        var accepted = new DateOnly(2026, 12, 1);
        var holiday = new DateOnly(2026, 12, 2);
        async Task<long> RunningCaseAsync()
        {
            var (caseId, agent, _) = await SubmitFullServiceCaseAsync(ServiceMode.Agency);
            var now = T0;
            await Step(caseId, (c, _) => c.Register(Clerk, now = now.AddHours(1)));
            await Step(caseId, (c, _) => c.AssignAgent(agent.Id!.Value, agent.Name, "熟悉施工许可阶段", Clerk, now = now.AddHours(1)));
            await Step(caseId, (c, _) => c.Start(agent, now = now.AddHours(1)));
            await Step(caseId, (c, calendar) => c.SubmitItem("S3-01", accepted, null, calendar, agent, now = now.AddHours(1)));
            return caseId;
        }
        var running = await RunningCaseAsync();
        var withdrawn = await RunningCaseAsync();
        await Step(withdrawn, (c, _) => c.Withdraw("项目暂缓", Clerk, T0.AddDays(1)));
        var before = await WithContext(db => db.CaseItems.SingleAsync(i => i.CaseId == running && i.ItemCode == "S3-01"));

        int moved;
        await using (var db = Database.NewContext())
        {
            db.CalendarDays.Add(new CalendarDay(holiday, CalendarDayKind.Holiday, "测试假日"));
            await db.SaveChangesAsync();
            moved = await DueDateReplanning.ReplanAsync(db, holiday, Clerk, T0.AddDays(2), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, moved);
        var calendar = await WithContext(db => db.LoadBusinessCalendarAsync(CancellationToken.None));
        var after = await WithContext(db => db.CaseItems.SingleAsync(i => i.CaseId == running && i.ItemCode == "S3-01"));
        Assert.Equal(calendar.AddWorkingDays(accepted, before.PromisedDays!.Value), after.DueOn);
        Assert.Equal(calendar.AddWorkingDays(before.DueOn!.Value, 1), after.DueOn);
        Assert.Equal(after.DueOn, after.RunningDueOn);
        var log = await WithContext(db => db.Cases.Include(c => c.Log).SingleAsync(c => c.Id == running));
        Assert.Contains(log.Log, l => l.VisibleToEnterprise && l.Content.StartsWith("因节假日调整（2026-12-02）") && l.Content.Contains($"{after.DueOn:yyyy-MM-dd}"));
        var closed = await WithContext(db => db.CaseItems.SingleAsync(i => i.CaseId == withdrawn && i.ItemCode == "S3-01"));
        Assert.Equal(before.DueOn, closed.DueOn);
        Assert.Null(closed.RunningDueOn);
    }

    [Fact]
    public async Task SeveralAggregates_LoadWholeInOneRound_NewestFirst_WithTheirNextDueDate()
    {
        var (first, agent, _) = await SubmitFullServiceCaseAsync(ServiceMode.Agency);
        var (second, _, _) = await SubmitFullServiceCaseAsync(ServiceMode.Agency);
        var (third, _, _) = await SubmitFullServiceCaseAsync(ServiceMode.Agency);
        await Step(second, (c, _) => c.Register(Clerk, T0));
        await Step(second, (c, _) => c.AssignAgent(agent.Id!.Value, agent.Name, "测试", Clerk, T0));
        await Step(second, (c, _) => c.Start(agent, T0));
        await Step(second, (c, calendar) => c.SubmitItem("S3-03", new DateOnly(2026, 2, 9), null, calendar, agent, T0));

        await using var db = Database.NewContext();
        var loaded = await db.Cases.AsNoTracking().LoadAggregatesAsync([first, second]);

        Assert.Equal([second, first], loaded.Select(c => c.Id));
        Assert.All(loaded, c => Assert.Equal(2, c.Items.Count));
        var running = loaded[0];
        Assert.Equal(3, running.Transitions.Count);
        Assert.NotEmpty(running.Log);
        Assert.Equal(running.Items.Single(i => i.ItemCode == "S3-03").DueOn, running.NextDueOn);
        Assert.Equal(running.NextDueOn, running.UrgencyDate);
        Assert.Null(loaded[1].NextDueOn);
        Assert.Equal(DateOnly.MaxValue, loaded[1].UrgencyDate);
        Assert.Empty(await db.Cases.AsNoTracking().LoadAggregatesAsync([]));
        Assert.DoesNotContain(third, loaded.Select(c => c.Id));
    }

    private async Task<(long CaseId, Actor Agent, Actor Contact)> SubmitFullServiceCaseAsync(ServiceMode mode = ServiceMode.FullService)
    {
        var (enterpriseId, projectId, contactId) = await SeedEnterpriseAsync();
        await using var db = Database.NewContext();
        var agent = new Staff.StaffMember($"agent{Guid.NewGuid():N}"[..16], "赵刚", Staff.StaffRoles.Agent, T0);
        db.Staff.Add(agent);
        var catalog = await db.ApprovalItems.Include(i => i.Materials).ToListAsync();
        var scope = mode == ServiceMode.FullService
            ? ScopeResolver.Resolve(catalog, ProjectCategories.SocialIndustrial, StageNames.MainLine, [])
            : ScopeResolver.Resolve(catalog, ProjectCategories.SocialIndustrial, [], ["S3-01", "S3-03"]);
        var contact = Actor.Contact(contactId, "孙海");
        var c = Case.Submit(enterpriseId, projectId, contactId, mode, ApplicationChannel.Online,
            mode == ServiceMode.FullService ? StageNames.MainLine : [Stage.ConstructionLicence], scope, "全程包办", null, contact, T0);
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return (c.Id, Actor.Staff(agent.Id, agent.DisplayName), contact);
    }

    private async Task<(long EnterpriseId, long ProjectId, long ContactId)> SeedEnterpriseAsync()
    {
        await using var db = Database.NewContext();
        return await TestData.SeedEnterpriseAsync(db, T0);
    }

    /// <summary>One request's worth of work: load the aggregate in a fresh context, change it, save.</summary>
    private async Task Step(long caseId, Func<Case, BusinessCalendar, bool> change)
    {
        await using var db = Database.NewContext();
        var c = await db.Cases.LoadAggregate(caseId);
        var calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
        Assert.True(change(c, calendar), "the step should change the case");
        await db.SaveChangesAsync();
    }

    private async Task<T> WithContext<T>(Func<DaibanDbContext, Task<T>> query)
    {
        await using var db = Database.NewContext();
        return await query(db);
    }
}

[Collection(DatabaseCollection.Name)]
public sealed class MariaDbCasePersistenceTests() : CasePersistenceTests(DatabaseProvider.MySql);

[Collection(DatabaseCollection.Name)]
public sealed class SqliteCasePersistenceTests() : CasePersistenceTests(DatabaseProvider.Sqlite);

[CollectionDefinition(Name)]
public sealed class DatabaseCollection
{
    public const string Name = "database";
}
