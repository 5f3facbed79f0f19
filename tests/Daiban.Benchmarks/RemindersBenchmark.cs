using System.Diagnostics;
using System.Net.Http.Json;
using Daiban.Core.Cases;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Reminders;
using Daiban.Core.Staff;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Benchmarks;

/// <summary>
/// The reminder sweep over N open case items in MariaDB (default 1,000,000): how long "what is due today" takes
/// (the RunningDueOn range scan, against the same selection with the index ignored), the whole sweep's first run
/// (queuing every reminder) and second run (queuing none), then the dispatch rate of those reminders from the outbox
/// to the emulator by the real host's Hangfire job, against the emulator's own rate for the same template sends.
/// </summary>
internal static class RemindersBenchmark
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 5, 0, TimeSpan.FromHours(8));
    private const int Agents = 20;

    public static async Task RunAsync(int itemCount, int rounds, string? redis)
    {
        var database = new TestDatabase(DatabaseProvider.MySql);
        await database.InitializeAsync();
        try
        {
            await database.MigrateAsync();
            var agentIds = await SeedAgentsAsync(database);
            Console.WriteLine($"seeding {itemCount:N0} open case items over {itemCount / 10:N0} cases and {Agents} agents …");
            var seed = Stopwatch.StartNew();
            await DueItemsBenchmark.SeedAsync(database.Settings.ConnectionString, itemCount, agentIds);
            Console.WriteLine($"seeded in {seed.Elapsed.TotalSeconds:F1} s");

            var rules = new ServiceRules();
            await using (var db = database.NewContext())
            {
                var ctx = await ReminderContext.CreateAsync(db, rules, Monday, CancellationToken.None);
                var horizon = rules.ItemReminderWorkingDays.Max();
                var due = await db.CaseItems.AsNoTracking().DueWithin(ctx.Calendar, ctx.Today, horizon).CountAsync();
                var limit = ctx.Calendar.AddWorkingDays(ctx.Today, horizon);
                var indexed = Options.Measure(rounds, () => db.CaseItems.AsNoTracking().DueWithin(ctx.Calendar, ctx.Today, horizon).Select(i => new { i.Id, i.CaseId, i.RunningDueOn }).ToListAsync());
                var scan = Options.Measure(rounds, () => db.CaseItems.FromSqlRaw("SELECT * FROM case_items IGNORE INDEX (IX_case_items_RunningDueOn)").AsNoTracking()
                    .Where(i => i.RunningDueOn <= limit).Select(i => new { i.Id, i.CaseId, i.RunningDueOn }).ToListAsync());
                Console.WriteLine();
                Console.WriteLine($"| what is due by {limit} ({itemCount:N0} open items, {due:N0} due, {rounds} rounds) | median ms | p95 ms |");
                Console.WriteLine("| --- | --- | --- |");
                Console.WriteLine($"| RunningDueOn range scan (the sweep's query) | {indexed.Median:F1} | {indexed.P95:F1} |");
                Console.WriteLine($"| same selection, index ignored (baseline) | {scan.Median:F1} | {scan.P95:F1} |");
                Console.WriteLine($"index vs full scan: {scan.Median / indexed.Median:F1}x faster");
            }

            await DispatchAsync(database, redis, rules);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task<List<long>> SeedAgentsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var staff = Enumerable.Range(1, Agents).Select(n =>
        {
            var s = new StaffMember($"bench-agent-{n}", $"代办员{n}", StaffRoles.Agent, Monday);
            s.BindOfficialAccount($"oa-bench-agent-{n}", DateTimeOffset.UtcNow);
            return s;
        }).ToList();
        var supervisor = new StaffMember("bench-supervisor", "督办", StaffRoles.Supervisor, Monday);
        supervisor.BindOfficialAccount("oa-bench-supervisor", DateTimeOffset.UtcNow);
        db.Staff.AddRange(staff);
        db.Staff.Add(supervisor);
        await db.SaveChangesAsync();
        return staff.Select(s => s.Id).ToList();
    }

    /// <summary>Starts the host, measures the emulator's own rate, then sweeps (twice) and times the outbox draining to the emulator.</summary>
    private static async Task DispatchAsync(TestDatabase database, string? redis, ServiceRules rules)
    {
        var url = $"http://127.0.0.1:{PushBenchmark.FreePort()}";
        using var host = PushBenchmark.StartHost(url, database.Settings.ConnectionString, redis, new Dictionary<string, string>
        {
            ["Jobs__NotificationDispatchCron"] = "* * * * * *",
            ["Jobs__NotificationBatchSize"] = "500",
            ["Jobs__PollingInterval"] = "00:00:01",
            ["Jobs__RemindersCron"] = "0 0 0 1 1 *",
            ["Jobs__DailyDigestCron"] = "0 0 0 1 1 *",
            ["WeChat__Templates__DeadlineReminder"] = "TPL_DEADLINE",
            ["WeChat__Templates__DeadlineEscalation"] = "TPL_ESCALATION",
            ["SharedStore__KeyPrefix"] = $"daiban-bench:{database.Id}:",
        });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await PushBenchmark.WaitHealthyAsync(http);
            // Baseline: the emulator's own rate for the same template sends, straight from here.
            var token = (await (await http.PostAsJsonAsync("/_wx/cgi-bin/stable_token", new
            {
                grant_type = "client_credential", appid = Daiban.WeChat.WeChatOptions.DefaultOfficialAccountAppId, secret = Daiban.WeChat.WeChatOptions.EmulatorSecret,
            })).Content.ReadFromJsonAsync<Dictionary<string, object>>())!["access_token"].ToString();
            await http.PostAsJsonAsync("/_wx/test/follow", new { openId = "oa-bench-baseline" });
            var direct = Stopwatch.StartNew();
            const int baselineSends = 2000;
            await Parallel.ForAsync(0, baselineSends, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
                (await http.PostAsJsonAsync($"/_wx/cgi-bin/message/template/send?access_token={token}", new
                {
                    touser = "oa-bench-baseline", template_id = "TPL_DEADLINE", client_msg_id = $"bench-{i}",
                    data = new { thing1 = new { value = "基准事项" } },
                }, ct)).EnsureSuccessStatusCode());
            var baselineRate = baselineSends / direct.Elapsed.TotalSeconds;

            for (var n = 1; n <= Agents; n++)
                await http.PostAsJsonAsync("/_wx/test/follow", new { openId = $"oa-bench-agent-{n}" });
            await http.PostAsJsonAsync("/_wx/test/follow", new { openId = "oa-bench-supervisor" });

            var sweep = Stopwatch.StartNew();
            int queued;
            await using (var db = database.NewContext())
                queued = await ReminderSweeps.RemindersAsync(db, rules, Monday, CancellationToken.None);
            var first = sweep.Elapsed;
            sweep.Restart();
            int again;
            await using (var db = database.NewContext())
                again = await ReminderSweeps.RemindersAsync(db, rules, Monday, CancellationToken.None);
            Console.WriteLine($"sweep: first run queued {queued:N0} reminders in {first.TotalSeconds:F2} s; second run queued {again} in {sweep.Elapsed.TotalSeconds:F2} s");

            var watch = Stopwatch.StartNew();
            int pending;
            do
            {
                await Task.Delay(500);
                await using var db = database.NewContext();
                pending = await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Pending);
            }
            while (pending > 0 && watch.Elapsed < TimeSpan.FromMinutes(10));
            await using (var db = database.NewContext())
            {
                var sent = await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Sent);
                var rate = sent / watch.Elapsed.TotalSeconds;
                Console.WriteLine($"dispatch: {sent:N0} of {queued:N0} sent to the emulator in {watch.Elapsed.TotalSeconds:F1} s = {rate:F0}/s " +
                                  $"(emulator direct: {baselineRate:F0}/s; outbox/direct {rate / baselineRate:P0}); still pending {pending}");
                foreach (var g in await db.Notifications.Where(n => n.Status != NotificationStatus.Sent).GroupBy(n => new { n.Status, n.LastError }).Select(g => new { g.Key.Status, g.Key.LastError, Count = g.Count() }).ToListAsync())
                    Console.WriteLine($"  not sent: {g.Count} {g.Status} {g.LastError}");
            }
        }
        finally
        {
            host.Kill(entireProcessTree: true);
        }
    }
}
