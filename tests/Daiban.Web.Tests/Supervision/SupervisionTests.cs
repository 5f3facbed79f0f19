using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Supervision;
using Daiban.Testing;
using Daiban.Web.Supervision;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Supervision;

[Collection(HostCollection.Name)]
public sealed class SupervisionTests : StaffAppTest
{
    /// <summary>A case of 张丽's: one item decided two working days late, one still running and overdue, and a bad review.</summary>
    private async Task<string> SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        var agent = await db.Staff.SingleAsync(s => s.UserName == "zhangli");
        var by = Actor.Staff(agent.Id, agent.DisplayName);
        var (enterpriseId, projectId, contactId) = await TestData.SeedEnterpriseAsync(db, CaseBuilder.Monday);
        var items = await db.ApprovalItems.Include(i => i.Materials).Where(i => i.Code == "S3-03" || i.Code == "S3-01").ToListAsync();
        var calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
        var t = new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var c = Case.Submit(enterpriseId, projectId, contactId, ServiceMode.Agency, ApplicationChannel.Online, [], items, "代办", null, Actor.Contact(contactId, "孙海"), t);
        c.Register(Actor.Staff(1, "王敏"), t);
        c.AssignAgent(agent.Id, agent.DisplayName, "测试", Actor.Staff(1, "王敏"), t);
        c.Start(by, t);
        c.SubmitItem("S3-03", new DateOnly(2026, 2, 2), null, calendar, by, t);   // due 5 Feb (3 working days)
        c.SubmitItem("S3-01", new DateOnly(2026, 2, 2), null, calendar, by, t);   // due 12 Feb, never decided: overdue now
        c.ApproveItem("S3-03", "SG-1", null, by, new DateTimeOffset(2026, 2, 9, 10, 0, 0, TimeSpan.FromHours(8)));
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c.CaseNumber;
    }

    [Fact]
    public async Task TheOverdueBoard_PagesWithItsTotal_LongestOverdueFirst()
    {
        await SeedAsync();
        await SeedAsync();
        var supervisor = await App.SignedInAsync("chenjing");

        var first = await supervisor.GetAsync("/api/staff/supervision/overdue?pageSize=1");
        var page1 = Assert.Single(await ProblemAssert.OkAsync<List<OverdueRow>>(first));
        var total = int.Parse(first.Headers.GetValues("X-Total-Count").Single());
        var link = first.Headers.GetValues("Link").Single();
        var page2 = Assert.Single(await ProblemAssert.OkAsync<List<OverdueRow>>(
            await supervisor.GetAsync(link[1..link.IndexOf('>')])));
        var all = await supervisor.GetAsync("/api/staff/supervision/overdue");
        var rows = await ProblemAssert.OkAsync<List<OverdueRow>>(all);

        Assert.True(total >= 2);
        Assert.Contains("pageSize=1", link);
        Assert.Equal(rows.Take(2).Select(r => (r.CaseId, r.ItemCode)),
            new[] { (page1.CaseId, page1.ItemCode), (page2.CaseId, page2.ItemCode) });
        Assert.Equal(rows.OrderByDescending(r => r.WorkingDaysOverdue).Select(r => r.WorkingDaysOverdue),
            rows.Select(r => r.WorkingDaysOverdue));
        Assert.Equal($"{total}", all.Headers.GetValues("X-Total-Count").Single());
        Assert.False(all.Headers.Contains("Link"));
        var tooBig = await ProblemAssert.IsProblemAsync(
            await supervisor.GetAsync("/api/staff/supervision/callbacks?pageSize=201"),
            HttpStatusCode.UnprocessableEntity);
        Assert.Contains("每页条数", tooBig.GetProperty("title").GetString());
    }

    [Fact]
    public async Task TheDashboard_ShowsTimelinessPerAgentAndDepartment_AndOnlySupervisionSeesIt()
    {
        var number = await SeedAsync();
        var supervisor = await App.SignedInAsync("chenjing");

        var dashboard = await ProblemAssert.OkAsync<SupervisionDashboard>(await supervisor.GetAsync("/api/staff/supervision/dashboard"));

        var zhang = dashboard.Agents.Single(a => a.Name == "张丽");
        Assert.Equal((1, 0, 0.0), (zhang.ItemsDecided, zhang.ItemsOnTime, zhang.OnTimeRate!.Value));
        Assert.True(zhang.OpenCases >= 1);
        var zjj = dashboard.Departments.Single(d => d.Code == "ZJJ");
        Assert.True(zjj.OverdueNow >= 1);
        Assert.Equal(5, dashboard.Satisfaction.Count);
        Assert.Equal(6, dashboard.Trend.Count);

        var overdue = await ProblemAssert.OkAsync<List<OverdueRow>>(await supervisor.GetAsync("/api/staff/supervision/overdue"));
        var row = Assert.Single(overdue, r => r.CaseNumber == number);
        Assert.Equal("S3-01", row.ItemCode);
        Assert.True(row.WorkingDaysOverdue > 100);

        var clerk = await App.SignedInAsync("wangmin");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/staff/supervision/overdue")).StatusCode);
        await ProblemAssert.IsProblemAsync(await clerk.GetAsync("/api/staff/supervision/dashboard"), HttpStatusCode.Forbidden);
        var agent = await App.SignedInAsync("zhangli");
        await ProblemAssert.IsProblemAsync(await agent.GetAsync("/api/staff/supervision/dashboard"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await agent.GetAsync("/api/staff/supervision/overdue"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ABadReview_IsClosedOnlyAfterItsCallback_ByASupervisor()
    {
        long rectificationId, callbackId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            var caseId = await db.Cases.Select(c => c.Id).FirstAsync();
            var rectification = new Rectification(caseId, 9001, null, null, new DateOnly(2026, 3, 9), CaseBuilder.Monday);
            var callback = new Callback(caseId, CallbackKind.BadReview, null, new DateOnly(2026, 3, 9), CaseBuilder.Monday);
            db.AddRange(rectification, callback);
            await db.SaveChangesAsync();
            (rectificationId, callbackId) = (rectification.Id, callback.Id);
        }
        var supervisor = await App.SignedInAsync("chenjing");
        var close = new { outcome = "Rectified", findings = "材料清单未一次告知", measures = "代办员培训，清单前置", feedback = "已电话告知企业整改情况" };

        var early = await ProblemAssert.IsProblemAsync(await supervisor.PostAsJsonAsync($"/api/staff/supervision/rectifications/{rectificationId}/close", close), HttpStatusCode.Conflict);
        Assert.Contains("回访", early.GetProperty("title").GetString());
        var due = Assert.Single(await ProblemAssert.OkAsync<List<CallbackView>>(await supervisor.GetAsync("/api/staff/supervision/callbacks")));
        Assert.True(due.Overdue);

        var done = await ProblemAssert.OkAsync<CallbackView>(await supervisor.PostAsJsonAsync($"/api/staff/supervision/callbacks/{callbackId}", new { reached = true, result = "企业反映材料跑了三次，已致歉", satisfied = true }));
        Assert.Equal("Done", done.Status);
        var closed = await ProblemAssert.OkAsync<RectificationView>(await supervisor.PostAsJsonAsync($"/api/staff/supervision/rectifications/{rectificationId}/close", close));
        Assert.Equal("Rectified", closed.Status);
        await ProblemAssert.IsProblemAsync(await supervisor.PostAsJsonAsync($"/api/staff/supervision/rectifications/{rectificationId}/close", new { outcome = "Open" }), HttpStatusCode.UnprocessableEntity);
        var agent = await App.SignedInAsync("zhangli");
        await ProblemAssert.IsProblemAsync(await agent.GetAsync("/api/staff/supervision/callbacks"), HttpStatusCode.Forbidden);
    }
}
