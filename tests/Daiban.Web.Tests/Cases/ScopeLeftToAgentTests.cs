using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Cases;
using Daiban.Core.Persistence;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Cases;

/// <summary>
/// An enterprise that does not know its approvals applies with 不清楚，由代办员帮我确定; its agent settles them, and the
/// enterprise sees them on its case and in its messages.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ScopeLeftToAgentTests : StaffAppTest
{
    private async Task<(HttpClient Enterprise, long CaseId)> AppliedWithoutScopeAsync(string openId, string creditCode)
    {
        var enterprise = await App.MiniProgramUserAsync(openId);
        var binding = await ProblemAssert.OkAsync<EnterpriseBinding>(await enterprise.PostAsJsonAsync(
            "/api/mp/enterprises", new { enterpriseName = "乳山市银滩酒店管理有限公司", creditCode, contactName = "刘洋" }));
        var apply = new HttpRequestMessage(HttpMethod.Post, "/api/mp/cases")
        {
            Content = JsonContent.Create(new
            {
                mode = "Agency", stages = Array.Empty<int>(), scopeLeftToAgent = true, request = "新建酒店，不清楚要办哪些手续",
                project = new { name = "银滩度假酒店", location = "乳山市银滩", investmentType = "Social", kind = "Civil" },
            }),
        };
        apply.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var created = await enterprise.SendAsync(apply);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = (await created.Content.ReadFromJsonAsync<EnterpriseCaseView>(TestJson.Options))!;
        Assert.True(view.ScopeToSettle);
        Assert.Empty(view.Items);
        var clerk = await App.SignedInAsync("wangmin");
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsync($"/api/staff/cases/{view.Id}/register", null));
        await App.ConfirmContactAsync(binding.ContactId);
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync($"/api/staff/cases/{view.Id}/assignment",
            new { agentId = await App.StaffIdAsync("zhangli"), reason = "熟悉施工许可" }));
        return (enterprise, view.Id);
    }

    private static string Code(string first17) =>
        first17 + Daiban.Core.Enterprises.UnifiedSocialCreditCode.CheckCharacter(first17);

    [Fact]
    public async Task TheAgentSettlesTheApprovals_ThenStarts_AndTheEnterpriseIsTold()
    {
        var (enterprise, caseId) = await AppliedWithoutScopeAsync("oScopeLeftToAgent00000001", Code("91371083MA3CUQ4N0"));
        var agent = await App.SignedInAsync("zhangli");

        var before = await ProblemAssert.OkAsync<CaseResponse>(await agent.GetAsync($"/api/staff/cases/{caseId}"));
        Assert.True(before.ScopeToSettle);
        Assert.Contains(CaseStep.SettleScope, before.Allowed!.Case);
        Assert.DoesNotContain(CaseStep.Start, before.Allowed.Case);
        Assert.Contains("确定办理事项", before.Header!.NextStep);
        var early = await agent.PostAsync($"/api/staff/cases/{caseId}/start", null);
        Assert.Contains("请先与企业确定办理事项", (await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        var waiting = await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.GetAsync($"/api/mp/cases/{caseId}"));
        Assert.Contains("确定需要办理的审批事项", waiting.Next.Detail);

        var settled = await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync(
            $"/api/staff/cases/{caseId}/scope", new { stages = new[] { 3 }, items = new[] { "S2-01" } }));

        Assert.False(settled.ScopeToSettle);
        Assert.Contains(settled.Items, i => i.Code == "S2-01");
        Assert.Contains(settled.Items, i => i.Stage == 3);
        var view = await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.GetAsync($"/api/mp/cases/{caseId}"));
        Assert.False(view.ScopeToSettle);
        Assert.Equal(settled.Items.Select(i => i.Code), view.Items.Select(i => i.Code));
        Assert.Contains(view.Timeline, t => t.Content.StartsWith("代办员与企业确定办理事项"));
        var messages = await ProblemAssert.OkAsync<List<InAppMessage>>(await enterprise.GetAsync("/api/mp/messages"));
        Assert.Contains(messages, m => m.CaseId == caseId && m.Title == "办理事项已确定");
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"/api/staff/cases/{caseId}/start", null));
    }

    [Fact]
    public async Task SettlingNothing_OrAnUnknownItem_IsRefused_AndTheCaseStaysAsItWas()
    {
        var (_, caseId) = await AppliedWithoutScopeAsync("oScopeLeftToAgent00000002", "91110000802100433B");
        var agent = await App.SignedInAsync("zhangli");

        var empty = await agent.PostAsJsonAsync($"/api/staff/cases/{caseId}/scope", new { stages = Array.Empty<int>() });
        Assert.Contains("请至少选择一个审批阶段或审批事项", (await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.UnprocessableEntity)).GetProperty("title").GetString());
        var unknown = await agent.PostAsJsonAsync($"/api/staff/cases/{caseId}/scope", new { items = new[] { "X9-99" } });
        Assert.Contains("不在事项目录中", (await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.UnprocessableEntity)).GetProperty("title").GetString());
        var other = await App.SignedInAsync("liqiang");
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.PostAsJsonAsync($"/api/staff/cases/{caseId}/scope", new { stages = new[] { 3 } })).StatusCode);

        var still = await ProblemAssert.OkAsync<CaseResponse>(await agent.GetAsync($"/api/staff/cases/{caseId}"));
        Assert.True(still.ScopeToSettle);
        Assert.Empty(still.Items);
    }

    [Fact]
    public async Task AnApplicationWithNoApprovals_AndNotLeftToTheAgent_IsRefused()
    {
        var enterprise = await App.MiniProgramUserAsync("oScopeLeftToAgent00000003");
        await ProblemAssert.OkAsync<EnterpriseBinding>(await enterprise.PostAsJsonAsync("/api/mp/enterprises",
            new { enterpriseName = "乳山市银滩酒店管理有限公司", creditCode = Code("91371083MA3CUQ4N0"), contactName = "刘洋" }));
        var refused = await enterprise.PostAsJsonAsync("/api/mp/cases", new
        {
            mode = "Agency", stages = Array.Empty<int>(),
            project = new { name = "银滩度假酒店", location = "乳山市银滩", investmentType = "Social", kind = "Civil" },
        });
        Assert.Contains("请至少选择一个", (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("title").GetString());
    }
}
