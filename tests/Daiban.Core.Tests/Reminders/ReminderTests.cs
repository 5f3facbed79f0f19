using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.DifficultIssues;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Reminders;
using Daiban.Core.Staff;
using Daiban.Core.Supervision;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Tests.Reminders;

/// <summary>
/// The reminder rules on MariaDB with a walking clock: a case item due across the 2026 Spring Festival (holiday
/// 15–23 February, make-up Saturdays 14 and 28 February), run every day at 08:05 and again at 09:05.
/// </summary>
[Collection(Persistence.DatabaseCollection.Name)]
public sealed class ReminderTests() : MigratedDatabaseTest(DatabaseProvider.MySql)
{
    private static readonly ServiceRules Rules = new();
    private static readonly DateTimeOffset T0 = new(2026, 2, 9, 9, 0, 0, TimeSpan.FromHours(8));
    private long _agentId, _supervisorId, _clerkId, _liaisonId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Database.NewContext();
        var agent = new StaffMember("agent-zhao", "赵刚", StaffRoles.Agent, T0);
        var supervisor = new StaffMember("sup-chen", "陈静", StaffRoles.Supervisor, T0);
        var clerk = new StaffMember("clerk-wang", "王敏", StaffRoles.WindowClerk, T0);
        var liaison = new StaffMember("liaison-liu", "刘洋", StaffRoles.DepartmentLiaison, T0);
        liaison.AssignDepartment("ZJJ");
        db.Staff.AddRange(agent, supervisor, clerk, liaison);
        await db.SaveChangesAsync();
        (_agentId, _supervisorId, _clerkId, _liaisonId) = (agent.Id, supervisor.Id, clerk.Id, liaison.Id);
    }

    private static DateTimeOffset At(int month, int day, int hour = 8, int minute = 5) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private async Task<long> CaseAsync(ServiceMode mode, string item, Func<Case, BusinessCalendar, Actor, DateTimeOffset, bool>? then = null, DateTimeOffset? at = null)
    {
        await using var db = Database.NewContext();
        var (enterpriseId, projectId, contactId) = await TestData.SeedEnterpriseAsync(db, T0);
        var catalog = await db.ApprovalItems.Include(i => i.Materials).Where(i => i.Code == item).ToListAsync();
        var now = at ?? T0;
        var contact = Actor.Contact(contactId, "孙海");
        var c = Case.Submit(enterpriseId, projectId, contactId, mode, ApplicationChannel.Online, [catalog[0].Stage], catalog, "代办", null, contact, now);
        db.Cases.Add(c);
        if (then is not null)
        {
            var calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
            var agent = Actor.Staff(_agentId, "赵刚");
            Assert.True(then(c, calendar, agent, now));
        }
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>Registered, assigned, started, and its one item accepted by the department on 10 February.</summary>
    private static bool Running(Case c, BusinessCalendar calendar, Actor agent, DateTimeOffset now) =>
        c.Register(Actor.Staff(1, "王敏"), now) && c.AssignAgent(agent.Id!.Value, agent.Name, "测试", Actor.Staff(1, "王敏"), now)
        && c.Start(agent, now) && c.SubmitItem(c.Items[0].ItemCode, new DateOnly(2026, 2, 10), null, calendar, agent, now);

    private async Task<int> SweepAsync(DateTimeOffset now)
    {
        await using var db = Database.NewContext();
        return await ReminderSweeps.RemindersAsync(db, Rules, now, CancellationToken.None);
    }

    private async Task<List<Notification>> NotificationsAsync()
    {
        await using var db = Database.NewContext();
        return await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    [Fact]
    public async Task AnItemDueAfterTheSpringFestival_RemindsOnTheRightWorkingDays_AndEachRunTwiceSendsOnce()
    {
        // S2-02 promises 5 working days: accepted Tue 10 Feb → 11, 12, 13, Sat 14 (make-up), 24 Feb.
        var caseId = await CaseAsync(ServiceMode.Agency, "S2-02", Running);
        await using (var db = Database.NewContext())
            Assert.Equal(new DateOnly(2026, 2, 24), (await db.CaseItems.SingleAsync(i => i.CaseId == caseId)).RunningDueOn);

        var byDay = new Dictionary<DateOnly, List<string>>();
        var seen = 0;
        for (var day = new DateOnly(2026, 2, 9); day <= new DateOnly(2026, 3, 3); day = day.AddDays(1))
        {
            await SweepAsync(At(day.Month, day.Day));
            Assert.Equal(0, await SweepAsync(At(day.Month, day.Day, 9)));
            var all = await NotificationsAsync();
            byDay[day] = all.Skip(seen).Where(n => n.TemplateKey is ItemDeadlineReminders.Template or ItemDeadlineReminders.EscalationTemplate)
                .Select(n => $"{(n.RecipientId == _agentId ? "agent" : n.RecipientId == _supervisorId ? "supervisor" : n.RecipientId.ToString())}:{n.DeduplicationKey.Split(':')[3]}")
                .ToList();
            seen = all.Count;
        }

        string[] Day(int month, int day) => byDay[new DateOnly(2026, month, day)].ToArray();
        Assert.Empty(Day(2, 9));
        Assert.Empty(Day(2, 11));                             // 4 working days left: no reminder yet
        Assert.Equal(["agent:t-3"], Day(2, 12));              // 13, 14, 24 left
        Assert.Empty(Day(2, 13));                             // still inside the T−3 window: nothing new
        Assert.Equal(["agent:t-1"], Day(2, 14));              // the make-up Saturday is a working day
        for (var d = 15; d <= 23; d++)
            Assert.Empty(Day(2, d));                          // the holiday: no reminders
        Assert.Equal(["agent:due"], Day(2, 24));
        Assert.Equal(["agent:overdue"], Day(2, 25));
        Assert.Equal(["agent:overdue"], Day(2, 26));
        Assert.Equal(["supervisor:escalated", "agent:overdue"], Day(2, 27));   // 3 working days late
        Assert.Equal(["agent:overdue"], Day(2, 28));          // the second make-up Saturday
        Assert.Empty(Day(3, 1));                              // Sunday
        Assert.Equal(["agent:overdue"], Day(3, 2));           // escalated once only
        var reminder = (await NotificationsAsync()).First(n => n.TemplateKey == ItemDeadlineReminders.Template);
        Assert.Equal(NotificationChannel.Template, reminder.Channel);
        Assert.Equal(new DateOnly(2026, 2, 24), reminder.Fields!.Deadline);
    }

    [Fact]
    public async Task APausedClock_RemindsNobody_AndResumingReplansTheReminders()
    {
        var caseId = await CaseAsync(ServiceMode.Agency, "S2-02", Running);
        await using (var db = Database.NewContext())
        {
            var c = await db.Cases.LoadAggregate(caseId);
            var calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
            c.PauseItemClock("S2-02", PauseReason.ExpertReview, "专家评审", new DateOnly(2026, 2, 11), calendar, Actor.Staff(_agentId, "赵刚"), At(2, 11));
            await db.SaveChangesAsync();
        }
        for (var d = 12; d <= 14; d++)
            await SweepAsync(At(2, d));
        Assert.DoesNotContain(await NotificationsAsync(), n => n.TemplateKey == ItemDeadlineReminders.Template);

        DateOnly due;
        await using (var db = Database.NewContext())
        {
            var c = await db.Cases.LoadAggregate(caseId);
            var calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
            c.ResumeItemClock("S2-02", new DateOnly(2026, 2, 26), calendar, Actor.Staff(_agentId, "赵刚"), At(2, 26));
            await db.SaveChangesAsync();
            due = c.Items[0].RunningDueOn!.Value;
        }
        Assert.True(due > new DateOnly(2026, 2, 24));
        await SweepAsync(new DateTimeOffset(due.ToDateTime(new TimeOnly(8, 5)), TimeSpan.FromHours(8)));
        var dueDay = Assert.Single(await NotificationsAsync(), n => n.TemplateKey == ItemDeadlineReminders.Template);
        Assert.Contains($":{due:yyyyMMdd}:due:", dueDay.DeduplicationKey);
    }

    [Fact]
    public async Task TheWindow_TheAgentAndThePlan_AreRemindedWhenLate_ThenTheSupervisor()
    {
        // Submitted Friday 13 Feb: due Saturday 14 (make-up working day); escalated on 24 Feb (the next working day).
        await CaseAsync(ServiceMode.Agency, "S3-03", at: At(2, 13, 10));
        await SweepAsync(At(2, 13));
        Assert.Empty(await NotificationsAsync());
        await SweepAsync(At(2, 14));
        Assert.Equal([_clerkId], (await NotificationsAsync()).Select(n => n.RecipientId));
        await SweepAsync(At(2, 24));
        Assert.Equal([_clerkId, _supervisorId], (await NotificationsAsync()).Select(n => n.RecipientId));

        // A 包办 case assigned on Monday 2 March: contact due Tuesday, plan due Thursday 5 March.
        var fullService = await CaseAsync(ServiceMode.FullService, "S3-03", (c, _, agent, now) =>
            c.Register(Actor.Staff(1, "王敏"), now) && c.AssignAgent(agent.Id!.Value, agent.Name, "测试", Actor.Staff(1, "王敏"), now), At(3, 2, 9));
        var before = (await NotificationsAsync()).Count;
        await SweepAsync(At(3, 3));
        var contact = (await NotificationsAsync()).Skip(before).ToList();
        Assert.Equal(_agentId, Assert.Single(contact).RecipientId);
        Assert.Contains(":contact:remind", contact[0].DeduplicationKey);

        // The agent logs the call: no more contact reminders; the plan is still due on Thursday.
        await using (var db = Database.NewContext())
        {
            var c = await db.Cases.LoadAggregate(fullService);
            c.AddWorkLog("电话联系企业，了解项目需求", null, "拟定服务方案", null, false, true, Actor.Staff(_agentId, "赵刚"), At(3, 3, 10));
            await db.SaveChangesAsync();
        }
        await SweepAsync(At(3, 5));
        var plan = (await NotificationsAsync()).Skip(before + 1).ToList();
        Assert.Equal([":plan:remind"], plan.Select(n => n.DeduplicationKey[n.DeduplicationKey.IndexOf(":plan", StringComparison.Ordinal)..^($":s{n.RecipientId}".Length)]));
    }

    [Fact]
    public async Task LedgerIssues_RemindTheLiaisonBeforeAndOnTheDeadline_ThenTheSupervisors()
    {
        var caseId = await CaseAsync(ServiceMode.Agency, "S3-03");
        await using (var db = Database.NewContext())
        {
            db.DifficultIssues.Add(new DifficultIssue(caseId, null, "消防设计审查意见与规划总平面冲突", "ZJJ", null, new DateOnly(2026, 3, 4), Actor.Staff(_agentId, "赵刚"), At(3, 2)));
            await db.SaveChangesAsync();
        }
        await SweepAsync(At(3, 2));
        Assert.DoesNotContain(await NotificationsAsync(), n => n.TemplateKey == LedgerReminders.Template);
        await SweepAsync(At(3, 3));
        await SweepAsync(At(3, 4));
        await SweepAsync(At(3, 5));
        await SweepAsync(At(3, 6));
        var ledger = (await NotificationsAsync()).Where(n => n.TemplateKey == LedgerReminders.Template).ToList();
        Assert.Equal([(_liaisonId, "before"), (_liaisonId, "due"), (_supervisorId, "missed")],
            ledger.Select(n => (n.RecipientId, n.DeduplicationKey.Split(':')[3])));
    }

    [Fact]
    public async Task ABadReview_OpensOneRectificationAndOneCallback_AndAMissedDeadlineIsEscalated()
    {
        var caseId = await CaseAsync(ServiceMode.Agency, "S3-03", (c, calendar, agent, now) =>
        {
            Running(c, calendar, agent, now);
            c.ApproveItem("S3-03", "SG-2026-9", null, agent, now);
            c.MarkResultsReady(agent, now);
            c.DeliverInPerson("施工许可证", "孙海", null, agent, now);
            return c.Evaluate(CaseBuilder.GoodReview with { Overall = SatisfactionLevel.Dissatisfied, Comment = "材料来回跑了三次" }, calendar, 5, Actor.Contact(c.ApplicantContactId!.Value, "孙海"), now);
        }, At(3, 2, 10));

        await SweepAsync(At(3, 2, 11));
        await SweepAsync(At(3, 2, 12));
        await using (var db = Database.NewContext())
        {
            var rectification = await db.Rectifications.SingleAsync(r => r.CaseId == caseId);
            Assert.Equal(_supervisorId, rectification.AssigneeId);
            Assert.Equal(new DateOnly(2026, 3, 9), rectification.Deadline);
            Assert.Equal(CallbackKind.BadReview, (await db.Callbacks.SingleAsync(c => c.CaseId == caseId)).Kind);
        }
        await SweepAsync(At(3, 10));
        await SweepAsync(At(3, 11));
        var notices = await NotificationsAsync();
        Assert.Single(notices, n => n.DeduplicationKey.Contains(":rectification:s"));
        Assert.Single(notices, n => n.DeduplicationKey.StartsWith("rectification:") && n.DeduplicationKey.Contains(":missed"));
        Assert.Single(notices, n => n.DeduplicationKey.StartsWith("callback:") && n.DeduplicationKey.Contains(":missed"));
    }

    [Fact]
    public async Task ABadReviewsFollowUp_CommitsWithTheEvaluation_AndTheSweepOpensNoSecond()
    {
        var caseId = await CaseAsync(ServiceMode.Agency, "S3-03", (c, calendar, agent, now) =>
        {
            Running(c, calendar, agent, now);
            c.ApproveItem("S3-03", "SG-2026-9", null, agent, now);
            c.MarkResultsReady(agent, now);
            return c.DeliverInPerson("施工许可证", "孙海", null, agent, now);
        }, At(3, 2, 9));
        var evaluatedAt = At(3, 2, 10);
        await using (var db = Database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var c = await db.Cases.LoadAggregate(caseId);
            var calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
            var review = CaseBuilder.GoodReview with { Overall = SatisfactionLevel.VeryDissatisfied, Comment = "多次跑腿" };
            Assert.True(c.Evaluate(review, calendar, 5, Actor.Contact(c.ApplicantContactId!.Value, "孙海"), evaluatedAt));
            await EvaluationFollowUp.OpenForBadReviewAsync(db, c, Rules, evaluatedAt, CancellationToken.None);
            await db.SaveChangesAsync();
            // Nothing of it is visible before the commit: the evaluation and its follow-up are one change.
            await using (var other = Database.NewContext())
                Assert.False(await other.Rectifications.AnyAsync(r => r.CaseId == caseId));
            await transaction.CommitAsync();
        }
        await using (var db = Database.NewContext())
        {
            var rectification = await db.Rectifications.SingleAsync(r => r.CaseId == caseId);
            Assert.Equal((_supervisorId, new DateOnly(2026, 3, 9)), (rectification.AssigneeId, rectification.Deadline));
            Assert.Equal(CallbackKind.BadReview, (await db.Callbacks.SingleAsync(c => c.CaseId == caseId)).Kind);
        }

        await SweepAsync(At(3, 2, 11));
        await using (var db = Database.NewContext())
        {
            Assert.Equal(1, await db.Rectifications.CountAsync(r => r.CaseId == caseId));
            Assert.Equal(1, await db.Callbacks.CountAsync(c => c.CaseId == caseId));
        }
        Assert.Single(await NotificationsAsync(), n => n.DeduplicationKey.Contains(":rectification:s"));
    }

    [Fact]
    public async Task AfterDelivery_TheEnterpriseIsInvited_RemindedOnce_AndNotAfterTheWindow()
    {
        await CaseAsync(ServiceMode.Agency, "S3-03", (c, calendar, agent, now) =>
        {
            Running(c, calendar, agent, now);
            c.ApproveItem("S3-03", "SG-2026-9", null, agent, now);
            c.MarkResultsReady(agent, now);
            return c.DeliverInPerson("施工许可证", "孙海", null, agent, now);
        }, At(3, 2, 10));

        foreach (var day in new[] { 2, 3, 4, 5, 6, 9, 10 })
            await SweepAsync(At(3, day, 16));
        var invites = (await NotificationsAsync()).Where(n => n.TemplateKey == EvaluationFollowUp.InviteTemplate).ToList();
        Assert.Equal(["invite", "reminder"], invites.Select(n => n.DeduplicationKey.Split(':')[3]));
        Assert.Equal(new DateOnly(2026, 3, 5), ChinaTime.DateOf(invites[1].CreatedAt));   // 3 working days after delivery
        Assert.All(invites, n => Assert.Equal(RecipientKind.EnterpriseContact, n.RecipientKind));
    }

    [Fact]
    public async Task SpotChecks_DrawTheSameCasesTwice_AndNoCaseTwice()
    {
        var ids = new List<long>();
        for (var i = 0; i < 30; i++)
            ids.Add(await CaseAsync(ServiceMode.Agency, "S3-03", (c, calendar, agent, now) =>
            {
                Running(c, calendar, agent, now);
                c.ApproveItem("S3-03", "SG", null, agent, now);
                c.MarkResultsReady(agent, now);
                return c.DeliverInPerson("施工许可证", "孙海", null, agent, now);
            }, At(3, 4, 10)));
        var rules = new ServiceRules { SpotCheckShare = 0.3 };
        int first, second;
        await using (var db = Database.NewContext())
            first = await ReminderSweeps.SpotCheckAsync(db, rules, At(3, 9, 9, 0), CancellationToken.None);
        await using (var db = Database.NewContext())
            second = await ReminderSweeps.SpotCheckAsync(db, rules, At(3, 9, 9, 0), CancellationToken.None);

        var week = new DateOnly(2026, 3, 9).DayNumber / 7;
        Assert.Equal(ids.Count(id => SpotCheckCallbacks.Drawn(id, week, 0.3)), first);
        Assert.InRange(first, 1, 29);
        Assert.Equal(0, second);
        await using var check = Database.NewContext();
        Assert.All(await check.Callbacks.ToListAsync(), c => Assert.Equal(new DateOnly(2026, 3, 16), c.DueOn));
    }

    [Fact]
    public async Task TheDigest_SummarisesEachAgentsDay_OnWorkingDaysOnly()
    {
        await CaseAsync(ServiceMode.Agency, "S2-02", Running);
        await using (var db = Database.NewContext())
        {
            Assert.Equal(0, await ReminderSweeps.DigestAsync(db, Rules, At(2, 15, 8, 30), CancellationToken.None));   // 春节
            Assert.Equal(1, await ReminderSweeps.DigestAsync(db, Rules, At(2, 24, 8, 30), CancellationToken.None));
            Assert.Equal(0, await ReminderSweeps.DigestAsync(db, Rules, At(2, 24, 8, 30), CancellationToken.None));
        }
        var digest = Assert.Single(await NotificationsAsync());
        Assert.Equal(_agentId, digest.RecipientId);
        Assert.Contains("3个工作日内到期1项，已逾期0项", digest.Title);
    }
}
