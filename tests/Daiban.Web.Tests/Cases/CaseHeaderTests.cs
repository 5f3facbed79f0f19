using System.Net.Http.Json;
using Daiban.Core.Cases;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Cases;

/// <summary>
/// The case's own address says whose case it is, what it waits for (worded for the reader) and which steps its
/// state allows that reader; every step it lists is one the server then accepts.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CaseHeaderTests : StaffAppTest
{
    private static readonly string CreditCode = "91371083MA0070031" + UnifiedSocialCreditCode.CheckCharacter("91371083MA0070031");
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task TheHeader_NamesTheParties_AndMasksThePhone_ForWhoeverDoesNotWorkTheCase()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var created = await WalkInAsync(clerk);
        var url = $"/api/staff/cases/{created.Id}";

        var forClerk = await ProblemAssert.OkAsync<CaseResponse>(await clerk.GetAsync(url));
        var forSupervisor = await ProblemAssert.OkAsync<CaseResponse>(
            await (await App.SignedInAsync("chenjing")).GetAsync(url));

        var header = forClerk.Header!;
        Assert.Equal(("乳山市页眉测试机械有限公司", "页眉测试新厂房", "刘页眉", "13806317003", false),
            (header.EnterpriseName, header.ProjectName, header.ContactName, header.ContactPhone,
                header.ContactPhoneMasked));
        Assert.Equal("土地已摘牌，年后想开工，请代办施工许可", header.Request);
        Assert.Equal("待您指派代办员", header.NextStep);
        Assert.Equal([CaseStep.Assign, CaseStep.Reject, CaseStep.RecordWithdrawal], forClerk.Allowed!.Case);
        Assert.Equal(("138****7003", true), (forSupervisor.Header!.ContactPhone, forSupervisor.Header.ContactPhoneMasked));
        Assert.Equal("待综合窗口指派代办员", forSupervisor.Header.NextStep);
        Assert.Empty(forSupervisor.Allowed!.Case);
        // An action's answer carries no header: the page reads the case again.
        var assigned = await AssignAsync(clerk, created.Id, "zhangli");
        Assert.Null(assigned.Header);
        var forAgent = await ProblemAssert.OkAsync<CaseResponse>(await (await App.SignedInAsync("zhangli")).GetAsync(url));
        Assert.Equal(("13806317003", "待您开始办理"), (forAgent.Header!.ContactPhone, forAgent.Header.NextStep));
        Assert.Equal("待代办员张丽开始办理",
            (await ProblemAssert.OkAsync<CaseResponse>(await clerk.GetAsync(url))).Header!.NextStep);
    }

    [Fact]
    public async Task TheAllowedSteps_FollowTheCase_AndEachIsAccepted()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var created = await WalkInAsync(clerk);
        await AssignAsync(clerk, created.Id, "zhangli");
        var agent = await App.SignedInAsync("zhangli");
        var url = $"/api/staff/cases/{created.Id}";
        async Task<CaseResponse> ReadAsync() => await ProblemAssert.OkAsync<CaseResponse>(await agent.GetAsync(url));

        var assigned = await ReadAsync();
        Assert.Contains(CaseStep.Start, assigned.Allowed!.Case);
        Assert.DoesNotContain(CaseStep.ResultsReady, assigned.Allowed.Case);
        Assert.DoesNotContain(CaseStep.Archive, assigned.Allowed.Case);
        Assert.All(assigned.Allowed.Items.Values, Assert.Empty);

        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/start", null));
        var started = await ReadAsync();
        Assert.DoesNotContain(CaseStep.Start, started.Allowed!.Case);
        Assert.Equal([ItemStep.Prepare, ItemStep.Submit], started.Allowed.Items["S3-03"]);
        Assert.Equal("有2项事项待报送部门", started.Header!.NextStep);

        await ProblemAssert.OkAsync<CaseResponse>(
            await agent.PostAsJsonAsync($"{url}/items/S3-03/submit", new { on = Today, reference = "SG-07" }));
        var submitted = await ReadAsync();
        Assert.Equal([ItemStep.Supplement, ItemStep.Approve, ItemStep.Refuse, ItemStep.Pause],
            submitted.Allowed!.Items["S3-03"]);
        var permit = submitted.Items.Single(i => i.Code == "S3-03");
        Assert.NotNull(permit.DueOn);
        Assert.Equal((permit.DueOn, permit.PromisedDays), (submitted.Header!.NextDueOn, submitted.Header.WorkingDaysLeft));
        // The list says it in the same working days (the mini-program's agent pages read it there).
        var row = Assert.Single(await ProblemAssert.OkAsync<List<CaseListItem>>(
            await agent.GetAsync($"/api/staff/cases?q={created.CaseNumber}")));
        Assert.Equal((permit.DueOn, permit.PromisedDays), (row.NextDueOn, row.WorkingDaysLeft));

        foreach (var code in new[] { "S3-01", "S3-03" })
        {
            if (code == "S3-01")
                await ProblemAssert.OkAsync<CaseResponse>(
                    await agent.PostAsJsonAsync($"{url}/items/{code}/submit", new { on = Today }));
            await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/{code}/approve",
                new { resultDocumentNo = $"乳审{code}〔2026〕9号" }));
        }
        var decided = await ReadAsync();
        Assert.All(decided.Allowed!.Items.Values, Assert.Empty);
        Assert.Contains(CaseStep.ResultsReady, decided.Allowed.Case);
        Assert.Equal("全部事项已办结，待您标记办结", decided.Header!.NextStep);

        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/results-ready", null));
        var ready = await ReadAsync();
        Assert.Contains(CaseStep.DeliverInPerson, ready.Allowed!.Case);
        Assert.DoesNotContain(CaseStep.ResultsReady, ready.Allowed.Case);
        Assert.DoesNotContain(CaseStep.Archive, ready.Allowed.Case);

        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/delivery/in-person",
            new { documents = "施工许可证正本", signedBy = "刘页眉" }));
        var delivered = await ReadAsync();
        // Archiving now would take away the enterprise's evaluation: the page is told until when it is open.
        Assert.Contains(CaseStep.Archive, delivered.Allowed!.Case);
        Assert.True(delivered.Header!.EvaluationOpenUntil > Today);
        Assert.StartsWith("待企业评价", delivered.Header.NextStep);
        Assert.Empty(delivered.Allowed.Items.Values.SelectMany(s => s));
    }

    private static async Task<CaseResponse> WalkInAsync(HttpClient clerk) =>
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市页眉测试机械有限公司", creditCode = CreditCode, contactName = "刘页眉",
            contactPhone = "13806317003", mode = "Agency", items = new[] { "S3-01", "S3-03" },
            request = "土地已摘牌，年后想开工，请代办施工许可",
            project = new { name = "页眉测试新厂房", location = "乳山市", investmentType = "Social", kind = "Industrial" },
        }));

    private async Task<CaseResponse> AssignAsync(HttpClient clerk, long caseId, string agentUser)
    {
        long agentId;
        await using (var scope = App.Services.CreateAsyncScope())
            agentId = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Staff
                .Where(s => s.UserName == agentUser).Select(s => s.Id).SingleAsync();
        return await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync(
            $"/api/staff/cases/{caseId}/assignment", new { agentId, reason = "熟悉住建审批" }));
    }
}
