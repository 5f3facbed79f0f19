using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Cases;
using Daiban.Core.Persistence;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Cases;

/// <summary>A 代办 case played through every step of the agent's work over HTTP, on MariaDB.</summary>
[Collection(HostCollection.Name)]
public sealed class AgentWorkbenchTests : StaffAppTest
{

    [Fact]
    public async Task AgencyCase_ThroughEveryAgentStep_ToMailedResults()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var walkIn = new
        {
            enterpriseName = "乳山市宏达机械有限公司", creditCode = "9144030071526726XG", contactName = "刘伟", contactPhone = "13806310003",
            mode = "Agency", items = new[] { "S3-01", "S3-03" },
            project = new { name = "宏达机械新厂房", location = "乳山市经济开发区", investmentType = "Social", kind = "Industrial", floorAreaSquareMeters = 8000 },
        };
        var created = await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync("/api/staff/cases", walkIn));
        long zhangId;
        await using (var scope = App.Services.CreateAsyncScope())
            zhangId = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Staff.Where(s => s.UserName == "zhangli").Select(s => s.Id).SingleAsync();
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync($"/api/staff/cases/{created.Id}/assignment", new { agentId = zhangId, reason = "熟悉住建审批" }));

        var agent = await App.SignedInAsync("zhangli");
        var other = await App.SignedInAsync("liqiang");
        var url = $"/api/staff/cases/{created.Id}";

        // Another agent cannot see or touch the case; a clerk cannot act as its agent.
        await ProblemAssert.IsProblemAsync(await other.PostAsync($"{url}/start", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await clerk.PostAsync($"{url}/start", null), HttpStatusCode.Forbidden);
        // Results cannot be ready before the work starts: a conflict in plain Chinese.
        var early = await ProblemAssert.IsProblemAsync(await agent.PostAsync($"{url}/results-ready", null), HttpStatusCode.Conflict);
        Assert.Contains("已指派代办员", early.GetProperty("title").GetString());

        Assert.Equal(CaseStatus.InProgress, (await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/start", null))).Status);
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/logs", new { content = "电话联系刘伟，了解厂房设计进度。", nextStep = "收取施工图", milestone = false }));
        var withMaterial = await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/materials", new { name = "营业执照", copies = 1, isOriginal = true }));
        var materials = (await agent.GetFromJsonAsync<List<MaterialResponse>>($"{url}/materials", TestJson.Options))!;
        var materialId = Assert.Single(materials).Id;
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync($"{url}/materials/{materialId}/forward", new { departmentCode = "ZJJ" }), HttpStatusCode.Conflict);
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/materials/{materialId}/review", new { result = "Passed" }));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/materials/{materialId}/forward", new { departmentCode = "ZJJ" }));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/materials/{materialId}/return", null));

        // The 形式审查 checklist lists what the catalogue asks per item and what is still missing.
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/materials", new { name = "建筑工程施工许可申请表", itemCode = "S3-03", copies = 1, isOriginal = true }));
        var checklist = await ProblemAssert.OkAsync<List<ItemChecklist>>(await agent.GetAsync($"{url}/checklist"));
        var permit = checklist.Single(c => c.ItemCode == "S3-03");
        Assert.True(permit.Lines.Single(l => l.Material == "建筑工程施工许可申请表").Received);
        Assert.Contains("建设工程规划许可证", permit.MissingCore);
        Assert.DoesNotContain("建筑工程施工许可申请表", permit.MissingCore);
        Assert.DoesNotContain(permit.MissingCore, m => permit.Lines.Single(l => l.Material == m).Deferrable);
        await ProblemAssert.IsProblemAsync(await other.GetAsync($"{url}/checklist"), HttpStatusCode.NotFound);
        // Supervision reads what the agent recorded (and cannot change it); a department liaison or another agent does not see the case.
        var supervisor = await App.SignedInAsync("chenjing");
        Assert.Contains((await ProblemAssert.OkAsync<List<LogEntryResponse>>(await supervisor.GetAsync($"{url}/log"))), l => l.Content.Contains("电话联系刘伟"));
        Assert.Equal(2, (await ProblemAssert.OkAsync<List<MaterialResponse>>(await supervisor.GetAsync($"{url}/materials"))).Count);
        await ProblemAssert.OkAsync<List<ParcelResponse>>(await supervisor.GetAsync($"{url}/parcels"));
        await ProblemAssert.IsProblemAsync(await supervisor.PostAsJsonAsync($"{url}/logs", new { content = "督办" }), HttpStatusCode.Forbidden);
        var liaison = await App.SignedInAsync("liuyang");
        foreach (var read in new[] { "log", "materials", "parcels", "checklist" })
        {
            await ProblemAssert.IsProblemAsync(await liaison.GetAsync($"{url}/{read}"), HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(await other.GetAsync($"{url}/{read}"), HttpStatusCode.NotFound);
        }

        var submitted = await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/S3-03/submit", new { on = "2026-02-10", reference = "SG-01" }));
        Assert.Equal(new DateOnly(2026, 2, 13), submitted.Items.Single(i => i.Code == "S3-03").DueOn);
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/S3-03/supplement", new { on = "2026-02-12", note = "缺少施工合同" }));
        var waiting = await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/materials-request", new { missing = new[] { "施工合同", "监理合同" } }));
        Assert.Equal(CaseStatus.AwaitingMaterials, waiting.Status);
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/materials-received", null));
        var resubmitted = await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/S3-03/submit", new { on = "2026-02-25" }));
        Assert.Equal(new DateOnly(2026, 2, 26), resubmitted.Items.Single(i => i.Code == "S3-03").DueOn);
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync($"{url}/items/S3-03/dance", new { }), HttpStatusCode.UnprocessableEntity);

        foreach (var item in resubmitted.Items)
        {
            if (item.Status != nameof(CaseItemStatus.SubmittedToDepartment))
                await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/{item.Code}/submit", new { on = "2026-03-02" }));
            await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/{item.Code}/approve", new { resultDocumentNo = $"乳审{item.Code}〔2026〕8号" }));
        }
        Assert.Equal(CaseStatus.ResultsReady, (await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/results-ready", null))).Status);
        var mailed = await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/delivery/mail", new { documents = "施工许可证正本、审图合格书、原件", carrier = "中国邮政EMS", trackingNumber = "EMS1000000001" }));
        Assert.Equal(CaseStatus.ResultsReady, mailed.Status);

        var log = (await agent.GetFromJsonAsync<List<LogEntryResponse>>($"{url}/log", TestJson.Options))!;
        Assert.Contains(log, l => l.Content.Contains("1. 施工合同；2. 监理合同"));
        Assert.Contains(log, l => l.Kind == "Milestone" && l.Content.Contains("已批准"));
        Assert.Contains(log, l => l.Content.Contains("EMS1000000001"));
        await using var check = App.Services.CreateAsyncScope();
        var notices = await check.ServiceProvider.GetRequiredService<DaibanDbContext>().Notifications.AsNoTracking()
            .Where(n => n.CaseId == created.Id).Select(n => n.TemplateKey).ToListAsync();
        Assert.Contains("materials-needed", notices);
        Assert.Contains("delivery-sent", notices);
        Assert.Contains("case-assigned", notices);
    }
}
