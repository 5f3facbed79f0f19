using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Web.DifficultIssues;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.DifficultIssues;

[Collection(HostCollection.Name)]
public sealed class LedgerTests : StaffAppTest
{

    [Fact]
    public async Task Meeting_AndLedger_FromConveningToResolution_WithDepartmentScopedLiaisons()
    {
        var clerk = await App.SignedInAsync("wangmin");
        long caseId, liaisonId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            caseId = await db.Cases.Where(c => c.AgentName == "张丽").Select(c => c.Id).FirstAsync();
            liaisonId = await db.Staff.Where(s => s.UserName == "liuyang").Select(s => s.Id).SingleAsync();
            var other = new StaffMember("rfliaison", "人防联络员", StaffRoles.DepartmentLiaison, DateTimeOffset.UtcNow);
            other.AssignDepartment("RFB");
            other.SetPassword(StaffApp.Password);
            db.Staff.Add(other);
            await db.SaveChangesAsync();
        }

        var meeting = await ProblemAssert.OkAsync<MeetingResponse>(await clerk.PostAsJsonAsync("/api/staff/meetings", new
        {
            title = "银滩项目联审会议", scheduledAt = DateTimeOffset.UtcNow.AddDays(2), location = "政务服务大厅三楼", departmentCodes = new[] { "ZJJ", "RFB" },
            caseIds = new[] { caseId }, agenda = "施工图审查与人防意见不一致",
        }));
        await ProblemAssert.IsProblemAsync(await clerk.PostAsJsonAsync("/api/staff/meetings", new { title = "x", scheduledAt = DateTimeOffset.UtcNow, departmentCodes = new[] { "NOPE" }, caseIds = new[] { caseId }, agenda = "x" }),
            HttpStatusCode.UnprocessableEntity);
        var held = await ProblemAssert.OkAsync<MeetingResponse>(await clerk.PostAsJsonAsync($"/api/staff/meetings/{meeting.Id}/minutes", new { minutes = "住建、人防共同审查", decisions = "人防意见3个工作日内出具" }));
        Assert.Equal("Held", held.Status);

        var agent = await App.SignedInAsync("zhangli");
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10));
        var issue = await ProblemAssert.OkAsync<IssueResponse>(await agent.PostAsJsonAsync("/api/staff/issues", new
        {
            caseId, meetingId = meeting.Id, description = "人防面积测算口径与审图意见不一致", responsibleDepartment = "ZJJ", liaisonId, deadline,
        }));
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync("/api/staff/issues", new { caseId, description = "x", responsibleDepartment = "RFB", liaisonId, deadline }),
            HttpStatusCode.UnprocessableEntity);

        var liaison = await App.SignedInAsync("liuyang");
        var rfLiaison = await App.SignedInAsync("rfliaison");
        Assert.Single(await ProblemAssert.OkAsync<List<IssueResponse>>(await liaison.GetAsync("/api/staff/issues")));
        Assert.Empty(await ProblemAssert.OkAsync<List<IssueResponse>>(await rfLiaison.GetAsync("/api/staff/issues")));
        await ProblemAssert.IsProblemAsync(await rfLiaison.PostAsJsonAsync($"/api/staff/issues/{issue.Id}/progress", new { text = "越权" }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await liaison.PostAsJsonAsync("/api/staff/meetings", new { }), HttpStatusCode.Forbidden);

        Assert.Equal("InProgress", (await ProblemAssert.OkAsync<IssueResponse>(await liaison.PostAsJsonAsync($"/api/staff/issues/{issue.Id}/progress", new { text = "已与审图机构沟通" }))).Status);
        var resolved = await ProblemAssert.OkAsync<IssueResponse>(await liaison.PostAsJsonAsync($"/api/staff/issues/{issue.Id}/resolve", new { text = "按审图口径执行" }));
        Assert.Equal("Resolved", resolved.Status);
        Assert.Equal("已解决", resolved.StatusName);
        Assert.Equal("待办理", issue.StatusName);
        Assert.False(resolved.Overdue);
        await using var check = App.Services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<DaibanDbContext>().Notifications.AnyAsync(n => n.TemplateKey == "issue-assigned" && n.RecipientId == liaisonId));
    }

    [Fact]
    public async Task AnIssue_IsWorkedByItsLiaison_TheCasesAgent_AndTheWindow_Only()
    {
        long caseId;
        await using (var scope = App.Services.CreateAsyncScope())
            caseId = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Cases.Where(c => c.AgentName == "张丽").Select(c => c.Id).FirstAsync();
        var agent = await App.SignedInAsync("zhangli");
        var issue = await ProblemAssert.OkAsync<IssueResponse>(await agent.PostAsJsonAsync("/api/staff/issues", new
        {
            caseId, description = "消防审验意见待明确", responsibleDepartment = "ZJJ", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)),
        }));
        var supervisor = await App.SignedInAsync("chenjing");
        var otherAgent = await App.SignedInAsync("liqiang");
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync("/api/staff/issues", new
        {
            caseId, description = "时限写错", responsibleDepartment = "ZJJ", deadline = new DateOnly(9999, 12, 31),
        }), HttpStatusCode.UnprocessableEntity);
        var noMeeting = await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync("/api/staff/issues", new
        {
            caseId, meetingId = 99999, description = "会议不存在", responsibleDepartment = "ZJJ",
            deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)),
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("所选联审会议不存在，请重新选择或不选。", noMeeting.GetProperty("title").GetString());
        var nullDepartments = await ProblemAssert.IsProblemAsync(await (await App.SignedInAsync("wangmin"))
            .PostAsJsonAsync("/api/staff/meetings", new
            {
                title = "空部门", scheduledAt = DateTimeOffset.UtcNow.AddDays(3), departmentCodes = new string?[] { null },
                caseIds = Array.Empty<long>(), agenda = "议题",
            }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("请选择参加联审会议的职能部门。", nullDepartments.GetProperty("title").GetString());

        // Supervision reads the ledger but does not work it; another agent does not see its colleague's case issues.
        Assert.Single(await ProblemAssert.OkAsync<List<IssueResponse>>(await supervisor.GetAsync("/api/staff/issues")), i => i.Id == issue.Id);
        await ProblemAssert.IsProblemAsync(await supervisor.PostAsJsonAsync($"/api/staff/issues/{issue.Id}/progress", new { text = "督办" }),
            HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await supervisor.PostAsJsonAsync($"/api/staff/issues/{issue.Id}/resolve", new { text = "办结" }),
            HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await ProblemAssert.OkAsync<List<IssueResponse>>(await otherAgent.GetAsync("/api/staff/issues")), i => i.Id == issue.Id);
        await ProblemAssert.IsProblemAsync(await otherAgent.PostAsJsonAsync($"/api/staff/issues/{issue.Id}/resolve", new { text = "越权" }),
            HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/staff/issues/{issue.Id}/progress", new { text = "已约住建局" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.SignedInAsync("liuyang")).PostAsJsonAsync($"/api/staff/issues/{issue.Id}/progress",
            new { text = "本周内答复" })).StatusCode);
        var resolved = await ProblemAssert.OkAsync<IssueResponse>(await (await App.SignedInAsync("wangmin")).PostAsJsonAsync(
            $"/api/staff/issues/{issue.Id}/resolve", new { text = "已答复" }));
        Assert.Equal("Resolved", resolved.Status);
    }
}
