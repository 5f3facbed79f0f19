using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Jobs.Reminders;
using Daiban.Testing;
using Daiban.WeChat.Emulator;
using Daiban.Web.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Daiban.Web.Tests.Notifications;

/// <summary>The reminder job on Hangfire's Redis storage, its notices through the outbox to the emulator, with the clock at Monday 2 March 2026 08:05.</summary>
[Collection(HostCollection.Name)]
public sealed class ReminderJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 5, 0, TimeSpan.FromHours(8));
    private readonly DaibanAppFactory _app = new(DatabaseProvider.MySql, TestServers.Redis, settings: new Dictionary<string, string>
    {
        ["WeChat:Templates:DeadlineReminder"] = "TPL_DEADLINE",
        ["WeChat:Templates:DeadlineEscalation"] = "TPL_ESCALATION",
        // Only what the test enqueues runs: the schedules are pushed far away.
        ["Jobs:RemindersCron"] = "0 0 0 1 1 *",
        ["Jobs:DailyDigestCron"] = "0 0 0 1 1 *",
    }, services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday)));

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task TheJobOnRedis_SendsEachDueReminderExactlyOnce_EvenWhenRunTwice()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            var agent = new StaffMember("agent-zhao", "赵刚", StaffRoles.Agent, Monday);
            var supervisor = new StaffMember("sup-chen", "陈静", StaffRoles.Supervisor, Monday);
            agent.BindOfficialAccount("oa-agent-zhao", DateTimeOffset.UtcNow);
            supervisor.BindOfficialAccount("oa-sup-chen", DateTimeOffset.UtcNow);
            db.Staff.AddRange(agent, supervisor);
            await db.SaveChangesAsync();
            var (enterpriseId, projectId, contactId) = await TestData.SeedEnterpriseAsync(db, Monday);
            var items = await db.ApprovalItems.Include(i => i.Materials).Where(i => i.Code == "S3-03" || i.Code == "S2-02").ToListAsync();
            var calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
            var by = Actor.Staff(agent.Id, agent.DisplayName);
            var c = Case.Submit(enterpriseId, projectId, contactId, ServiceMode.Agency, ApplicationChannel.Online, [], items, "代办", null, Actor.Contact(contactId, "孙海"), Monday.AddDays(-30));
            c.Register(Actor.Staff(1, "王敏"), Monday.AddDays(-30));
            c.AssignAgent(agent.Id, agent.DisplayName, "测试", Actor.Staff(1, "王敏"), Monday.AddDays(-30));
            c.Start(by, Monday.AddDays(-30));
            c.SubmitItem("S3-03", new DateOnly(2026, 2, 26), null, calendar, by, Monday.AddDays(-4));   // due today
            c.SubmitItem("S2-02", new DateOnly(2026, 2, 12), null, calendar, by, Monday.AddDays(-18));  // 3 working days overdue
            db.Cases.Add(c);
            await db.SaveChangesAsync();
        }
        var emulator = _app.Services.GetRequiredService<WeChatEmulator>();
        emulator.Follow("oa-agent-zhao");
        emulator.Follow("oa-sup-chen");

        var jobs = _app.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<RemindersJob>(j => j.RunAsync(CancellationToken.None));
        jobs.Enqueue<RemindersJob>(j => j.RunAsync(CancellationToken.None));

        for (var i = 0; i < 300 && (emulator.Messages("oa-agent-zhao").Count < 2 || emulator.Messages("oa-sup-chen").Count < 1); i++)
            await Task.Delay(100);
        await Task.Delay(2500); // a second run, or a second dispatch, would have delivered by now

        var toAgent = emulator.Messages("oa-agent-zhao");
        Assert.Equal(2, toAgent.Count);
        Assert.All(toAgent, m => Assert.Equal("TPL_DEADLINE", m.TemplateId));
        Assert.Contains(toAgent, m => m.Data!.Value.GetProperty("thing4").GetProperty("value").GetString() == "今日到期，请务必办结");
        Assert.Contains(toAgent, m => m.Data!.Value.GetProperty("thing4").GetProperty("value").GetString() == "已逾期3个工作日");
        var toSupervisor = Assert.Single(emulator.Messages("oa-sup-chen"));
        Assert.Equal("TPL_ESCALATION", toSupervisor.TemplateId);
    }

    [Fact]
    public async Task AWebOnlyProcess_RunsNoJobServer()
    {
        var web = new DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis, settings: new Dictionary<string, string> { ["Jobs:Role"] = "web" });
        await ((IAsyncLifetime)web).InitializeAsync();
        try
        {
            var hosted = web.Services.GetServices<IHostedService>().Select(h => h.GetType().Name).ToList();
            Assert.DoesNotContain(hosted, n => n.Contains("BackgroundJobServer") || n == "RecurringJobsRegistrar");
            Assert.Contains(_app.Services.GetServices<IHostedService>(), h => h.GetType().Name == "RecurringJobsRegistrar");
        }
        finally
        {
            await ((IAsyncLifetime)web).DisposeAsync();
        }
    }
}
