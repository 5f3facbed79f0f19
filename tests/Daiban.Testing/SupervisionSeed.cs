using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Testing;

/// <summary>
/// A varied history for the supervision figures, built through the cases' public methods: agents (one no longer
/// active, one clerk), cases at every stage (some withdrawn, some never assigned), items decided before, on and after
/// their due dates (some late in the evening, where the China-time day differs from UTC's), refused, still running
/// or overdue, and evaluations of every level over nine months. The same seed gives the same history.
/// </summary>
public static class SupervisionSeed
{
    private static readonly Actor Clerk = Actor.Staff(1, "王敏");
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Stores <paramref name="caseCount"/> cases before <paramref name="today"/>, returned as saved.</summary>
    public static async Task<IReadOnlyList<Case>> SeedAsync(Func<DaibanDbContext> newContext, int caseCount,
        int seed, DateOnly today, int batchSize = 200)
    {
        var random = new Random(seed);
        List<StaffMember> agents;
        BusinessCalendar calendar;
        List<string> codes;
        long enterpriseId, projectId, contactId;
        await using (var db = newContext())
        {
            var now = new DateTimeOffset(today.AddMonths(-10).ToDateTime(TimeOnly.MinValue), China);
            string[] names = ["李强", "张丽", "赵刚", "陈静"];
            agents = names.Select((n, i) => new StaffMember($"agent{i}", n, StaffRoles.Agent, now)).ToList();
            agents[3].Deactivate();
            db.Staff.AddRange(agents);
            db.Staff.Add(new StaffMember("clerk", "王敏", StaffRoles.WindowClerk, now));
            await db.SaveChangesAsync();
            (enterpriseId, projectId, contactId) = await TestData.SeedEnterpriseAsync(db, now);
            calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
            codes = await db.ApprovalItems.Where(i => i.Active && i.MergedInto == null).OrderBy(i => i.Code)
                .Select(i => i.Code).ToListAsync();
        }
        var contact = Actor.Contact(contactId, "孙海");

        var all = new List<Case>(caseCount);
        for (var start = 0; start < caseCount; start += batchSize)
        {
            await using var db = newContext();
            var catalog = await db.ApprovalItems.Include(i => i.Materials).ToDictionaryAsync(i => i.Code);
            var batch = new List<Case>();
            for (var n = start; n < Math.Min(caseCount, start + batchSize); n++)
            {
                var day = today.AddDays(-random.Next(20, 270));
                var submitted = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), China)
                    .AddMinutes(random.Next(0, 480));
                var items = codes.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Select(c => catalog[c]).ToList();
                var mode = random.Next(2) == 0 ? ServiceMode.Agency : ServiceMode.Help;
                var c = Case.Submit(enterpriseId, projectId, contactId, mode, ApplicationChannel.Online, [], items,
                    "测试申请", null, contact, submitted);
                batch.Add(c);
                Play(c, random, agents, calendar, today, contact, submitted);
            }
            db.Cases.AddRange(batch);
            await db.SaveChangesAsync();
            all.AddRange(batch);
        }
        return all;
    }

    private static void Play(Case c, Random random, List<StaffMember> agents, BusinessCalendar calendar, DateOnly today,
        Actor contact, DateTimeOffset now)
    {
        if (random.Next(20) == 0)
            return;
        c.Register(Clerk, now);
        if (random.Next(20) == 0)
            return;
        var agent = agents[random.Next(agents.Count)];
        var by = Actor.Staff(agent.Id, agent.DisplayName);
        c.AssignAgent(agent.Id, agent.DisplayName, "熟悉该阶段", Clerk, now = now.AddHours(1));
        c.Start(by, now);
        if (random.Next(12) == 0)
        {
            c.Withdraw("企业不再需要", contact, now.AddDays(1));
            return;
        }
        var last = now;
        foreach (var item in c.Items.ToList())
        {
            var accepted = ChinaTime.DateOf(now).AddDays(random.Next(0, 4));
            c.SubmitItem(item.ItemCode, accepted, null, calendar, by, now);
            if (random.Next(6) == 0)
                continue; // still running: overdue when its due date has passed
            var due = item.DueOn ?? accepted.AddDays(10);
            var day = due.AddDays(random.Next(-6, 5));
            if (day < accepted)
                day = accepted;
            if (day >= today)
                continue;
            // Minutes from 08:00 to 07:59 the next morning (China): late-evening decisions fall on the next UTC day.
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), China).AddMinutes(random.Next(0, 24 * 60));
            if (random.Next(5) == 0)
                c.RefuseItem(item.ItemCode, "材料不符合要求", by, at);
            else
                c.ApproveItem(item.ItemCode, $"{item.ItemCode}-{random.Next(1000, 9999)}", null, by, at);
            if (at > last)
                last = at;
        }
        if (c.Items.Any(i => i.Status.IsOpen()) || random.Next(4) == 0)
            return;
        var delivered = last.AddHours(random.Next(1, 30));
        if (ChinaTime.DateOf(delivered) >= today)
            return;
        c.MarkResultsReady(by, delivered);
        c.DeliverInPerson("办理结果", "孙海", null, by, delivered);
        if (random.Next(5) == 0)
            return;
        var evaluatedAt = delivered.AddHours(random.Next(1, 20));
        var level = (SatisfactionLevel)random.Next(1, 6);
        var form = new EvaluationForm(level, level, level, level, level, level.IsBad() ? "办理太慢" : null, null);
        c.Evaluate(form, calendar, 5, contact, evaluatedAt);
    }
}
