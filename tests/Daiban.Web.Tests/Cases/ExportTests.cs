using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Daiban.Web.Tests.Cases;

/// <summary>Attachments 1–3 open as real xlsx workbooks with the attachments' columns and the case's data.</summary>
[Collection(HostCollection.Name)]
public sealed class ExportTests : StaffAppTest
{
    private static async Task<List<IDictionary<string, object>>> OpenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    [Fact]
    public async Task CollectionForm_Log_AndLedger_AreWorkbooksWithTheAttachmentColumns()
    {
        long caseId;
        await using (var scope = App.Services.CreateAsyncScope())
            caseId = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Cases.Where(c => c.AgentName == "张丽").Select(c => c.Id).FirstAsync();
        var clerk = await App.SignedInAsync("wangmin");
        var agent = await App.SignedInAsync("zhangli");
        await agent.PostAsJsonAsync("/api/staff/issues", new { caseId, description = "消防审查意见未出", responsibleDepartment = "ZJJ", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)) });

        var form = await OpenAsync(await agent.GetAsync($"/api/staff/cases/{caseId}/exports/collection-form"));
        var log = await OpenAsync(await agent.GetAsync($"/api/staff/cases/{caseId}/exports/log"));
        var ledger = await OpenAsync(await clerk.GetAsync("/api/staff/exports/issues"));

        Assert.Contains(form, r => (string)r["项目"] == "项目名称" && (string)r["内容"] == "滨海花园二期住宅项目");
        Assert.Contains(form, r => (string)r["项目"] == "统一社会信用代码" && ((string)r["内容"]).Length == 18);
        Assert.Equal(["日期", "项目名称", "办理事项", "办理进度及工作内容", "关键节点", "存在问题", "下一步工作", "记录人"], log[0].Keys);
        Assert.Contains(log, r => ((string)r["办理进度及工作内容"]).Contains("联合审图"));
        Assert.Contains(ledger, r => (string)r["难点问题"] == "消防审查意见未出" && (string)r["责任部门"] == "乳山市住房和城乡建设局");
        // Another agent gets nothing; the ledger is for the window and supervision.
        var other = await App.SignedInAsync("liqiang");
        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/api/staff/cases/{caseId}/exports/log"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await agent.GetAsync("/api/staff/exports/issues"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MonthlyStatistics_AreAWorkbookPerAgentWithTotals_ForTheWindowAndSupervisionOnly()
    {
        var supervisor = await App.SignedInAsync("chenjing");
        var month = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM");

        var rows = await OpenAsync(await supervisor.GetAsync($"/api/staff/exports/monthly?month={month}"));

        Assert.Equal(["代办员", "本月指派案件", "本月送达案件", "本月办结事项", "按时办结事项", "按时率", "评价数", "平均满意度（5分制）", "差评数"], rows[0].Keys);
        Assert.Equal(["李强", "张丽", "赵刚", "合计"], rows.Select(r => (string)r["代办员"]));
        // The demo data assigned two cases this month (to 张丽 and 李强).
        Assert.Equal(2.0, Convert.ToDouble(rows.Single(r => (string)r["代办员"] == "合计")["本月指派案件"]));
        await ProblemAssert.IsProblemAsync(await supervisor.GetAsync("/api/staff/exports/monthly?month=2026-13"), HttpStatusCode.UnprocessableEntity);
        await ProblemAssert.IsProblemAsync(await (await App.SignedInAsync("zhangli")).GetAsync("/api/staff/exports/monthly"), HttpStatusCode.Forbidden);
    }
}
