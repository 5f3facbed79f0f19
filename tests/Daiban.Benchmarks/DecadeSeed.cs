using System.Diagnostics;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;
using Daiban.Core.Staff;
using Daiban.Core.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Benchmarks;

/// <summary>
/// A city's decade of cases, built through the aggregates' own methods so every row is one the product could have
/// written: about three cases per enterprise, one project per case, 5–15 items each, work logs, deliveries,
/// evaluations of every level (bad ones raise callbacks and rectifications) and the notices all of that raised.
/// Cases older than a few months are closed (evaluated, then archived for most, some withdrawn); the last months
/// hold the running ones, a small share of them overdue. The same seed gives the same decade.
/// </summary>
internal static class DecadeSeed
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly Actor Clerk = Actor.Staff(1, "王敏");
    private static readonly string[] Places = ["海阳所", "白沙滩", "大孤山", "夏村", "乳山口", "徐家", "育黎", "崖子", "诸往", "冯家"];
    private static readonly string[] Words = ["海达", "鑫源", "宏盛", "金港", "华泰", "瑞丰", "东岳", "新航", "银滩", "永安",
        "恒信", "百川", "盛世", "天润", "福源", "博远", "锦程", "国泰", "丰华", "嘉禾"];
    private static readonly string[] Trades = ["新材料", "置业", "食品", "机械", "化工", "水产", "建材", "物流", "能源", "纺织"];
    private static readonly string[] Works = ["车间", "住宅小区", "仓储中心", "冷链物流园", "厂房扩建", "综合楼", "研发中心"];
    private static readonly string[] Surnames = ["孙", "王", "李", "张", "刘", "陈", "杨", "赵", "于", "宋", "姜", "林"];
    private static readonly string[] Given = ["海", "伟", "静", "强", "敏", "磊", "军", "丽", "涛", "霞", "鹏", "燕"];

    public sealed record Counts(int Cases, int Enterprises, int Running, int Overdue);

    /// <summary>The by-hand command: (re)creates <paramref name="database"/> on the test MariaDB, seeds it.</summary>
    public static async Task RunAsync(int caseCount, string database)
    {
        var settings = await VolumeDatabase.RecreateAsync(database);
        var today = ChinaTime.Today(TimeProvider.System);
        Console.WriteLine($"seeding {caseCount:N0} cases into {database} …");
        var watch = Stopwatch.StartNew();
        var counts = await SeedAsync(() => DatabaseSetup.CreateContext(settings), caseCount, seed: 1, today);
        Console.WriteLine($"seeded {counts} in {watch.Elapsed.TotalMinutes:F1} min");
        await VolumeDatabase.PrintRowCountsAsync(settings);
    }

    /// <summary>Seeds <paramref name="caseCount"/> cases ending at <paramref name="today"/> (China).</summary>
    public static async Task<Counts> SeedAsync(Func<DaibanDbContext> newContext, int caseCount, int seed,
        DateOnly today, int batchSize = 500)
    {
        var random = new Random(seed);
        var watch = Stopwatch.StartNew();
        var start = new DateTimeOffset(today.AddYears(-10).ToDateTime(TimeOnly.MinValue), China);
        List<StaffMember> agents;
        BusinessCalendar calendar;
        List<string> codes;
        await using (var db = newContext())
        {
            agents = Enumerable.Range(0, 12).Select(i => new StaffMember($"decade-agent{i}",
                Surnames[i] + Given[(i * 5) % Given.Length] + Given[(i * 7 + 3) % Given.Length], StaffRoles.Agent,
                start)).ToList();
            agents[10].Deactivate();
            agents[11].Deactivate();
            db.Staff.AddRange(agents);
            await db.SaveChangesAsync();
            calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
            codes = await db.ApprovalItems.Where(i => i.Active && i.MergedInto == null).OrderBy(i => i.Code)
                .Select(i => i.Code).ToListAsync();
        }

        var enterpriseCount = Math.Max(1, caseCount / 3);
        var owners = await SeedEnterprisesAsync(newContext, enterpriseCount, random, start, batchSize);
        Console.WriteLine($"  {enterpriseCount:N0} enterprises in {watch.Elapsed.TotalSeconds:F0} s");

        int running = 0, overdue = 0;
        for (var first = 0; first < caseCount; first += batchSize)
        {
            await using var db = newContext();
            var catalog = await db.ApprovalItems.Include(i => i.Materials).ToDictionaryAsync(i => i.Code);
            var batch = new List<(Case Case, Project Project, Owner Owner)>();
            for (var n = first; n < Math.Min(caseCount, first + batchSize); n++)
            {
                // Later years have more cases (the service grew): the square root skews the days towards today.
                var age = (int)(3650 * (1 - Math.Sqrt(random.NextDouble())));
                var submitted = new DateTimeOffset(today.AddDays(-age - 1).ToDateTime(new TimeOnly(8, 30)), China)
                    .AddMinutes(random.Next(0, 510));
                var owner = owners[random.Next(owners.Count)];
                var project = new Project(owner.EnterpriseId, Facts(random, owner), submitted);
                db.Projects.Add(project);
                batch.Add((null!, project, owner));
            }
            await db.SaveChangesAsync();
            for (var k = 0; k < batch.Count; k++)
            {
                var (_, project, owner) = batch[k];
                var items = codes.OrderBy(_ => random.Next()).Take(random.Next(5, 16)).Select(c => catalog[c]).ToList();
                var mode = (ServiceMode)random.Next(0, 3);
                var submitted = project.CreatedAt;
                var c = Case.Submit(owner.EnterpriseId, project.Id, owner.ContactId, mode,
                    random.Next(3) == 0 ? ApplicationChannel.WalkIn : ApplicationChannel.Online, [], items,
                    "土地已摘牌，想尽快办下施工许可", null, Actor.Contact(owner.ContactId, owner.ContactName), submitted);
                var state = Play(c, random, agents, calendar, today, owner, submitted);
                running += state is Outcome.Running or Outcome.Overdue ? 1 : 0;
                overdue += state == Outcome.Overdue ? 1 : 0;
                batch[k] = (c, project, owner);
                db.Cases.Add(c);
            }
            await db.SaveChangesAsync();
            await ArchiveClosedAsync(db, batch, today);
            await FollowUpAsync(db, batch, random, today);
            if ((first / batchSize) % 20 == 0)
                Console.WriteLine($"  {first + batch.Count:N0} cases in {watch.Elapsed.TotalSeconds:F0} s");
        }
        await using (var db = newContext())
        {
            // A decade's notices were sent long ago; what is still pending is the dispatcher's, not history's.
            var sent = await db.Notifications.Where(n => n.Status == NotificationStatus.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, NotificationStatus.Sent)
                    .SetProperty(n => n.SentAt, n => n.CreatedAt));
            Console.WriteLine($"  {sent:N0} notices marked sent; done in {watch.Elapsed.TotalSeconds:F0} s");
        }
        return new Counts(caseCount, enterpriseCount, running, overdue);
    }

    private sealed record Owner(long EnterpriseId, long ContactId, string ContactName, string ContactPhone,
        string EnterpriseName);

    private enum Outcome { Closed, Running, Overdue }

    private static async Task<List<Owner>> SeedEnterprisesAsync(Func<DaibanDbContext> newContext, int count,
        Random random, DateTimeOffset now, int batchSize)
    {
        var owners = new List<Owner>(count);
        for (var first = 0; first < count; first += batchSize)
        {
            await using var db = newContext();
            var made = new List<(Enterprise Enterprise, EnterpriseContact Contact)>();
            for (var n = first; n < Math.Min(count, first + batchSize); n++)
            {
                var body = $"91371083{n:D9}";
                var code = UnifiedSocialCreditCode.Parse(body + UnifiedSocialCreditCode.CheckCharacter(body));
                // The running number keeps every name distinct, as the register does.
                var name = $"乳山{Words[random.Next(Words.Length)]}{Words[random.Next(Words.Length)]}"
                           + $"{Trades[random.Next(Trades.Length)]}{n:D5}有限公司";
                var enterprise = new Enterprise(name, code, now);
                var person = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
                var contact = enterprise.AddContact(person, $"13{random.Next(3, 10)}{n:D8}", null, now);
                contact.Confirm(Clerk, ContactEvidence.InPersonAtWindow, null, now);
                db.Enterprises.Add(enterprise);
                made.Add((enterprise, contact));
            }
            await db.SaveChangesAsync();
            owners.AddRange(made.Select(m => new Owner(m.Enterprise.Id, m.Contact.Id, m.Contact.Name,
                m.Contact.Phone ?? "", m.Enterprise.Name)));
        }
        return owners;
    }

    private static ProjectFacts Facts(Random random, Owner owner) => new(
        $"{Places[random.Next(Places.Length)]}{Words[random.Next(Words.Length)]}{Works[random.Next(Works.Length)]}项目",
        null, $"乳山市{Places[random.Next(Places.Length)]}镇", random.Next(8) == 0 ? InvestmentType.Government
            : InvestmentType.Social, random.Next(2) == 0 ? ProjectKind.Industrial : ProjectKind.Civil,
        random.Next(500, 50_000), random.Next(2_000, 80_000), random.Next(2_000, 120_000), random.Next(6, 60),
        "新建", null, (Stage)random.Next(1, 5), LandSupply.Transfer, null, owner.ContactName, owner.ContactPhone, null);

    private static Outcome Play(Case c, Random random, List<StaffMember> agents, BusinessCalendar calendar,
        DateOnly today, Owner owner, DateTimeOffset now)
    {
        var contact = Actor.Contact(owner.ContactId, owner.ContactName);
        var recent = ChinaTime.DateOf(now) > today.AddDays(-120);
        c.Register(Clerk, now = now.AddHours(random.Next(1, 6)));
        var agent = agents[random.Next(agents.Count)];
        var by = Actor.Staff(agent.Id, agent.DisplayName);
        c.AssignAgent(agent.Id, agent.DisplayName, "熟悉该阶段", Clerk, now = now.AddHours(1));
        if (c.Mode == ServiceMode.FullService)
        {
            c.ProposePlan("全流程包办", c.Items.Select((i, k) => new PlanStep(k + 1, $"办理{i.ItemName}", i.ItemCode,
                ChinaTime.DateOf(now).AddDays(30))).ToList(), by, now);
            c.DecidePlan(true, null, contact, now = now.AddHours(4));
        }
        c.Start(by, now);
        if (random.Next(25) == 0)
        {
            c.Withdraw("企业不再需要", contact, now.AddDays(1));
            return Outcome.Closed;
        }
        c.AddWorkLog("与企业对接，梳理申报材料", null, "准备报送", null, true, true, by, now.AddHours(2));
        var last = now;
        // Recent cases keep most items running; a small share of them is left past its due date.
        var leaveOpen = recent && random.Next(3) != 0;
        var outcome = Outcome.Closed;
        foreach (var item in c.Items.ToList())
        {
            var accepted = ChinaTime.DateOf(now).AddDays(random.Next(0, 4));
            if (accepted >= today)
                accepted = today.AddDays(-1);
            c.SubmitItem(item.ItemCode, accepted, null, calendar, by, now);
            var due = item.DueOn ?? accepted.AddDays(10);
            if (leaveOpen && (due >= today || random.Next(60) == 0))
            {
                outcome = due < today ? Outcome.Overdue : outcome == Outcome.Overdue ? outcome : Outcome.Running;
                continue;
            }
            var day = due.AddDays(-random.Next(0, 6));
            if (day < accepted)
                day = accepted;
            if (day >= today)
                day = today.AddDays(-1);
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), China).AddMinutes(random.Next(0, 480));
            c.ApproveItem(item.ItemCode, $"{item.ItemCode}-{random.Next(1000, 9999)}", null, by, at);
            if (at > last)
                last = at;
        }
        if (outcome != Outcome.Closed)
            return outcome;
        c.AddWorkLog("各事项已办结，准备送达", null, null, null, false, true, by, last);
        var delivered = last.AddHours(random.Next(1, 30));
        if (ChinaTime.DateOf(delivered) >= today)
            delivered = last;
        c.MarkResultsReady(by, delivered);
        c.DeliverInPerson("办理结果", owner.ContactName, null, by, delivered);
        if (random.Next(6) == 0)
            return Outcome.Closed;
        // Most are satisfied; a few in a hundred are bad reviews, as a service that works would see.
        var roll = random.Next(100);
        var level = roll < 70 ? SatisfactionLevel.VerySatisfied : roll < 92 ? SatisfactionLevel.Satisfied
            : roll < 97 ? SatisfactionLevel.Neutral : roll < 99 ? SatisfactionLevel.Dissatisfied
            : SatisfactionLevel.VeryDissatisfied;
        var form = new EvaluationForm(level, level, level, level, level, level.IsBad() ? "办理太慢" : null, null);
        c.Evaluate(form, calendar, 5, contact, delivered.AddHours(random.Next(1, 20)));
        return Outcome.Closed;
    }

    /// <summary>
    /// What supervision did after the evaluations: a spot-check callback for one case in ten and a callback with a
    /// rectification for every bad review; callbacks older than a month were made.
    /// </summary>
    private static async Task FollowUpAsync(DaibanDbContext db, List<(Case Case, Project Project, Owner Owner)> batch,
        Random random, DateOnly today)
    {
        var supervisor = Actor.Staff(1, "陈静");
        foreach (var (c, _, _) in batch)
        {
            if (c.Evaluation is not { } e)
                continue;
            var bad = e.Overall.IsBad();
            if (!bad && random.Next(10) != 0)
                continue;
            var due = ChinaTime.DateOf(e.EvaluatedAt).AddDays(7);
            var callback = new Callback(c.Id, bad ? CallbackKind.BadReview : CallbackKind.SpotCheck, null, due,
                e.EvaluatedAt);
            if (due < today.AddMonths(-1))
                callback.Record(true, "已电话回访", !bad, supervisor, e.EvaluatedAt.AddDays(3));
            db.Callbacks.Add(callback);
            if (bad)
                db.Rectifications.Add(new Rectification(c.Id, e.Id, c.AgentId, null, due, e.EvaluatedAt));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Archives what its agent would have archived by now: every delivered case older than a month.</summary>
    private static async Task ArchiveClosedAsync(DaibanDbContext db,
        List<(Case Case, Project Project, Owner Owner)> batch, DateOnly today)
    {
        var due = batch.Where(b => b.Case.Status is CaseStatus.Delivered or CaseStatus.Evaluated
                                   && ChinaTime.DateOf(b.Case.SubmittedAt) < today.AddMonths(-2)).ToList();
        if (due.Count == 0)
            return;
        var ids = due.Select(b => b.Owner.EnterpriseId).Distinct().ToList();
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id);
        foreach (var (c, project, owner) in due)
        {
            var at = c.SubmittedAt.AddDays(45);
            var archive = CaseArchiveCompiler.Compile(c, enterprises[owner.EnterpriseId], project, Clerk, at);
            c.Archive(archive, Clerk, at);
            db.CaseArchives.Add(archive);
        }
        await db.SaveChangesAsync();
    }
}
