using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Inbound;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Web.Calendar;
using Daiban.Web.Cases;
using Daiban.Web.Consultation;
using Daiban.Web.Staff;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Staff;

[Collection(HostCollection.Name)]
public sealed class AdminTests : StaffAppTest
{
    [Fact]
    public async Task AdminsKeepTheStaff_AndNobodyElseCan()
    {
        var admin = await App.SignedInAsync("admin");
        var created = await ProblemAssert.OkAsync<StaffView>(await admin.PostAsJsonAsync("/api/staff/admin/staff", new
        {
            userName = "sunli", displayName = "孙立", roles = new[] { "Agent" }, skillStages = new[] { 3, 4 }, skillDepartments = new[] { "ZJJ" }, phone = "13806319999", password = "Sunli-2026-start",
        }));
        Assert.Equal(["Agent"], created.Roles);
        Assert.Equal("138****9999", created.Phone);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient().PostAsJsonAsync("/api/staff/auth/login", new { userName = "sunli", password = "Sunli-2026-start" })).StatusCode);

        var away = await ProblemAssert.OkAsync<StaffView>(await admin.PutAsJsonAsync($"/api/staff/admin/staff/{created.Id}", new { awayUntil = "2099-01-01" }));
        Assert.Equal(new DateOnly(2099, 1, 1), away.AwayUntil);
        Assert.Null((await ProblemAssert.OkAsync<StaffView>(await admin.PutAsJsonAsync($"/api/staff/admin/staff/{created.Id}", new { awayUntil = "" }))).AwayUntil);
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/staff/admin/staff", new { userName = "sunli", displayName = "重复", roles = new[] { "Agent" }, password = "x-2026-password" }), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/staff/admin/staff", new { userName = "nobody", displayName = "某", roles = new[] { "King" }, password = "x-2026-password" }), HttpStatusCode.UnprocessableEntity);
        var me = (await ProblemAssert.OkAsync<List<StaffView>>(await admin.GetAsync("/api/staff/admin/staff"))).Single(s => s.UserName == "admin");
        await ProblemAssert.IsProblemAsync(await admin.PutAsJsonAsync($"/api/staff/admin/staff/{me.Id}", new { roles = new[] { "Agent" } }), HttpStatusCode.Conflict);

        foreach (var user in new[] { "wangmin", "zhangli", "chenjing", "liuyang" })
        {
            var other = await App.SignedInAsync(user);
            await ProblemAssert.IsProblemAsync(await other.GetAsync("/api/staff/admin/staff"), HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(await other.PutAsJsonAsync("/api/staff/admin/calendar/2026-12-31", new { kind = "Holiday", name = "测试" }), HttpStatusCode.Forbidden);
        }
        await using var scope = App.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().AuditEntries.Where(a => a.EntityId == "sunli").Select(a => a.Action).ToListAsync();
        Assert.Equal(["staff.create", "staff.update", "staff.update"], audit);
    }

    [Fact]
    public async Task TheMessageChannelPage_ShowsWaitingAndGivenUpPushes_AndFailedNotifications_ToAdminsOnly()
    {
        var admin = await App.SignedInAsync("admin");
        var before = await ProblemAssert.OkAsync<MessageChannelStatus>(await admin.GetAsync("/api/staff/admin/message-channel"));
        var now = DateTimeOffset.UtcNow;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            var done = new InboundMessage("MiniProgram", "msg:status-1", "oStatus", "text", null, "你好", "{}", now.AddMinutes(-30));
            done.MarkProcessed("answered", now.AddMinutes(-30));
            var givenUp = new InboundMessage("MiniProgram", "msg:status-2", "oStatus", "text", null, "身份证号码不应出现在状态页", "{}", now.AddMinutes(-20));
            for (var i = 0; i < InboundMessage.MaxAttempts; i++)
                givenUp.MarkFailed("customer_service/send 45015");
            // Still being worked by another instance: the sweep leaves it alone, so it stays waiting here.
            var waiting = new InboundMessage("OfficialAccount", "msg:status-3", "oStatus", "text", null, "在吗", "{}", now.AddMinutes(-10));
            var failed = new Notification("status:1", RecipientKind.Staff, 1, NotificationChannel.Template, "case-assigned", "新案件",
                new NoticeFields(), NoticeTarget.None, null, now);
            failed.MarkFailed("43004");
            db.AddRange(done, givenUp, waiting, failed);
            await db.SaveChangesAsync();
            var stillWorking = now.AddMinutes(1);
            await db.InboundMessages.Where(m => m.DeduplicationKey == "msg:status-3")
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, "other").SetProperty(m => m.ClaimedUntil, stillWorking));
        }

        var status = await ProblemAssert.OkAsync<MessageChannelStatus>(await admin.GetAsync("/api/staff/admin/message-channel"));

        Assert.Equal(before.PushesWaiting + 1, status.PushesWaiting);
        Assert.Equal(now.AddMinutes(-10), status.OldestWaitingSince!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(now.AddMinutes(-10), status.LastPushAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(before.PushesGivenUp + 1, status.PushesGivenUp);
        var shown = status.RecentlyGivenUp.First();
        Assert.Equal(("text", InboundMessage.MaxAttempts, "customer_service/send 45015"), (shown.MsgType, shown.Attempts, shown.LastError));
        Assert.Equal(before.NotificationsFailed + 1, status.NotificationsFailed);
        Assert.Equal(30, status.PushRecordsKeptDays);
        Assert.DoesNotContain("身份证", await (await admin.GetAsync("/api/staff/admin/message-channel")).Content.ReadAsStringAsync());
        await ProblemAssert.IsProblemAsync(await (await App.SignedInAsync("zhangli")).GetAsync("/api/staff/admin/message-channel"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AHolidayInsideARunningItemsCount_MovesItsDueDate_AndTheCaseSaysWhy()
    {
        var admin = await App.SignedInAsync("admin");
        // The demo 代办 case has 施工图审查 (S3-01) at the department, accepted the day the demo was seeded.
        DateOnly accepted, due;
        long caseId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var item = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().CaseItems.AsNoTracking().SingleAsync(i => i.ItemCode == "S3-01" && i.RunningDueOn != null);
            (accepted, due, caseId) = (item.AcceptedOn!.Value, item.DueOn!.Value, item.CaseId);
        }
        var calendar = await ScopeCalendarAsync();
        var day = calendar.AddWorkingDays(accepted, 1); // a working day the count includes
        // Before saving, the admin is told how many running cases the day would replan.
        var impact = await ProblemAssert.OkAsync<CalendarImpact>(await admin.GetAsync($"/api/staff/admin/calendar/{day:yyyy-MM-dd}/impact"));
        Assert.Equal(1, impact.RunningCases);

        var saved = await ProblemAssert.OkAsync<CalendarDayResult>(await admin.PutAsJsonAsync($"/api/staff/admin/calendar/{day:yyyy-MM-dd}", new { kind = "Holiday", name = "临时调整" }));

        Assert.Equal(1, saved.CasesReplanned);
        var item2 = (await ProblemAssert.OkAsync<CaseResponse>(await admin.GetAsync($"/api/staff/cases/{caseId}"))).Items.Single(i => i.Code == "S3-01");
        Assert.Equal((await ScopeCalendarAsync()).AddWorkingDays(due, 1), item2.DueOn);
        var log = await ProblemAssert.OkAsync<List<LogEntryResponse>>(await (await App.SignedInAsync("zhangli")).GetAsync($"/api/staff/cases/{caseId}/log"));
        Assert.Contains(log, l => l.VisibleToEnterprise && l.Content.StartsWith($"因节假日调整（{day:yyyy-MM-dd}）"));
        // Setting the same day again moves nothing more.
        Assert.Equal(0, (await ProblemAssert.OkAsync<CalendarDayResult>(await admin.PutAsJsonAsync($"/api/staff/admin/calendar/{day:yyyy-MM-dd}", new { kind = "Holiday", name = "临时调整" }))).CasesReplanned);
    }

    private async Task<Daiban.Core.Calendar.BusinessCalendar> ScopeCalendarAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await Daiban.Core.Calendar.BusinessCalendarLoader.LoadBusinessCalendarAsync(scope.ServiceProvider.GetRequiredService<DaibanDbContext>(), CancellationToken.None);
    }

    [Fact]
    public async Task AHolidayAddedByTheAdmin_MovesDueDates_AndAChangedPromiseReachesTheBot()
    {
        var admin = await App.SignedInAsync("admin");
        var before = await ProblemAssert.OkAsync<CalendarEndpoints.DueDateResponse>(await admin.GetAsync("/api/calendar/due-date?from=2026-12-28&workingDays=3"));
        Assert.Equal(new DateOnly(2026, 12, 31), before.DueDate);
        await ProblemAssert.OkAsync<CalendarDayResult>(await admin.PutAsJsonAsync("/api/staff/admin/calendar/2026-12-30", new { kind = "Holiday", name = "临时调整" }));
        var after = await ProblemAssert.OkAsync<CalendarEndpoints.DueDateResponse>(await admin.GetAsync("/api/calendar/due-date?from=2026-12-28&workingDays=3"));
        Assert.Equal(new DateOnly(2027, 1, 1), after.DueDate);
        await ProblemAssert.IsProblemAsync(await admin.PutAsJsonAsync("/api/staff/admin/calendar/2026-13-01", new { kind = "Holiday", name = "x" }), HttpStatusCode.UnprocessableEntity);

        await ProblemAssert.OkAsync<ItemSettingsRequest>(await admin.PutAsJsonAsync("/api/staff/admin/catalog/S3-03", new { promisedDays = 2 }));
        var answer = await ProblemAssert.OkAsync<AskResponse>(await App.CreateClient().PostAsJsonAsync("/api/chat/ask", new { question = "施工证要多久" }));
        Assert.Contains("承诺办结时限2个工作日", answer.Answer);
        await ProblemAssert.IsProblemAsync(await admin.PutAsJsonAsync("/api/staff/admin/catalog/S3-03", new { promisedDays = -1 }), HttpStatusCode.UnprocessableEntity);

        // The item's materials are replaced as a whole; the bot lists the new ones.
        await ProblemAssert.OkAsync<ItemSettingsRequest>(await admin.PutAsJsonAsync("/api/staff/admin/catalog/S3-03", new
        {
            materials = new[] { new { name = "建筑工程施工许可申请表", core = true, deferrable = false }, new { name = "施工现场安全承诺书", core = false, deferrable = true } },
        }));
        var materials = await ProblemAssert.OkAsync<AskResponse>(await App.CreateClient().PostAsJsonAsync("/api/chat/ask", new { question = "施工证要什么材料" }));
        Assert.Contains("施工现场安全承诺书（可容缺，受理后补交）", materials.Answer);
        Assert.DoesNotContain("中标通知书", materials.Answer);
        await ProblemAssert.IsProblemAsync(await admin.PutAsJsonAsync("/api/staff/admin/catalog/S3-03", new
        {
            materials = new[] { new { name = "核心又容缺", core = true, deferrable = true } },
        }), HttpStatusCode.UnprocessableEntity);
        var renamed = await ProblemAssert.OkAsync<DepartmentRequest>(await admin.PutAsJsonAsync("/api/staff/admin/departments/ZJJ", new { name = "乳山市住房和城乡建设局（更名测试）", shortName = "住建" }));
        Assert.Equal("住建", renamed.ShortName);
    }

    [Fact]
    public async Task APublishedTypicalCase_FeedsTheBot_AndIsGoneWhenWithdrawn()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var typical = await ProblemAssert.OkAsync<TypicalCaseView>(await clerk.PostAsJsonAsync("/api/staff/typical-cases", new
        {
            title = "某新材料企业研发楼项目拿地即开工",
            summary = "企业申请全程包办后，代办员提前介入方案设计，联合审图与施工许可并联推进，土地、规划、施工许可同步交付，实现拿地即开工。",
            highlights = "提前介入；并联审批；一次性告知",
        }));
        await ProblemAssert.IsProblemAsync(await clerk.PostAsync($"/api/staff/typical-cases/{typical.Id}/publish", null), HttpStatusCode.Forbidden);
        var supervisor = await App.SignedInAsync("chenjing");
        Assert.True((await ProblemAssert.OkAsync<TypicalCaseView>(await supervisor.PostAsync($"/api/staff/typical-cases/{typical.Id}/publish", null))).Published);

        var asked = await ProblemAssert.OkAsync<AskResponse>(await App.CreateClient().PostAsJsonAsync("/api/chat/ask", new { question = "有没有研发楼项目拿地即开工的典型案例" }));
        Assert.Contains(asked.Sources, s => s.Id == $"case:{typical.Id}");

        await ProblemAssert.OkAsync<TypicalCaseView>(await supervisor.PostAsync($"/api/staff/typical-cases/{typical.Id}/unpublish", null));
        var again = await ProblemAssert.OkAsync<AskResponse>(await App.CreateClient().PostAsJsonAsync("/api/chat/ask", new { question = "有没有研发楼项目拿地即开工的典型案例" }));
        Assert.DoesNotContain(again.Sources, s => s.Id == $"case:{typical.Id}");
    }
}
