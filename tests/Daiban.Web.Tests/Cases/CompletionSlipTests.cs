using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Tests.Cases;

/// <summary>
/// The 帮办代办包办服务办结单 (统一送达): printed like the archive, in Chinese and China time, with each item's
/// 批准文号, to staff who may see the case only; and the case's items name their department, not its code.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CompletionSlipTests : StaffAppTest
{
    private const string CreditCode = "91371083MA00904510";
    private const string DocumentNo = "乳住建施字〔2026〕第0456号";

    /// <summary>A walk-in 代办 case of liqiang's with its one item approved; the clerk who registered it.</summary>
    private async Task<(string Url, HttpClient Agent, HttpClient Clerk)> ApprovedCaseAsync()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var created = await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市海達建材有限公司", creditCode = CreditCode, contactName = "孙敏",
            contactPhone = "13806310077", mode = "Agency", items = new[] { "S3-03" },
            project = new { name = "海達建材仓储楼", location = "乳山市城区", investmentType = "Social", kind = "Industrial" },
        }));
        var url = $"/api/staff/cases/{created.Id}";
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync($"{url}/assignment",
            new { agentId = await App.StaffIdAsync("liqiang"), reason = "熟悉施工许可" }));
        var agent = await App.SignedInAsync("liqiang");
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/start", null));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/S3-03/submit",
            new { on = "2026-03-02" }));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/S3-03/approve",
            new { resultDocumentNo = DocumentNo }));
        return (url, agent, clerk);
    }

    [Fact]
    public async Task TheSlip_WaitsForTheResults_ThenSaysEverythingInChinese_WithChinaTime()
    {
        var (url, agent, _) = await ApprovedCaseAsync();

        var early = await agent.GetAsync($"{url}/completion-slip/print");
        await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict);
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/results-ready", null));
        var ready = await (await agent.GetAsync($"{url}/completion-slip/print")).Content.ReadAsStringAsync();
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/delivery/in-person",
            new { documents = "建筑工程施工许可证正本一份", signedBy = "孙敏" }));
        var print = await agent.GetAsync($"{url}/completion-slip/print");
        var printed = await print.Content.ReadAsStringAsync();

        Assert.Equal("text/html", print.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ArchivePrinter.ContentSecurityPolicy,
            string.Join(";", print.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("<h1>帮办代办包办服务办结单</h1>", printed);
        Assert.Contains("（送达时填写）", ready);
        foreach (var text in (string[])["乳山市海達建材有限公司", "海達建材仓储楼", "代办", "李强", DocumentNo,
                     "乳山市住房和城乡建设局", "建筑工程施工许可证正本一份", "委托人签字", "代办员签字", "当面送达"])
            Assert.Contains(text, printed);
        var labels = Regex.Matches(printed, "<(?:th|h1|h2)>([^<]*)</(?:th|h1|h2)>").Select(m => m.Groups[1].Value)
            .ToList();
        Assert.Contains("批准文号", labels);
        Assert.Contains("案件编号", labels);
        Assert.DoesNotContain(labels, l => Regex.IsMatch(l, "[A-Za-z]"));
        // Text between tags: no ISO dates or instants, no enum names, no department codes.
        var shown = string.Concat(Regex.Matches(printed, ">([^<]+)<").Select(m => m.Groups[1].Value));
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", shown);
        Assert.DoesNotMatch(@"\b(?:InPerson|Agency|Approved|ZJJ)\b", shown);
        Assert.Matches(@"签收时间：20\d\d年\d{1,2}月\d{1,2}日 \d\d:\d\d", printed);
        Assert.Matches(@"<td>日期：20\d\d年\d{1,2}月\d{1,2}日</td>", printed);
        Assert.DoesNotContain("<script", printed);
    }

    [Fact]
    public async Task TheSlip_IsNotThere_ForAnotherAgentOrAnEnterpriseToken_OrWithoutAToken()
    {
        var (url, agent, clerk) = await ApprovedCaseAsync();
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/results-ready", null));
        var other = await App.SignedInAsync("zhangli");
        var enterprise = await App.MiniProgramUserAsync($"oSlip{Guid.NewGuid():N}"[..28]);

        var byOther = await other.GetAsync($"{url}/completion-slip/print");
        var byEnterprise = await enterprise.GetAsync($"{url}/completion-slip/print");
        var anonymous = await App.CreateClient().GetAsync($"{url}/completion-slip/print");
        var byClerk = await clerk.GetAsync($"{url}/completion-slip/print");

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Contains(byEnterprise.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain(DocumentNo, await byEnterprise.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, byClerk.StatusCode);
    }

    [Fact]
    public async Task ACaseItem_NamesItsDepartmentAndImplementingBody_BesideTheCode()
    {
        var (url, agent, _) = await ApprovedCaseAsync();

        var read = await ProblemAssert.OkAsync<CaseResponse>(await agent.GetAsync(url));
        var acted = await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/results-ready", null));

        var item = Assert.Single(read.Items);
        Assert.Equal("ZJJ", item.DepartmentCode);
        Assert.Equal("乳山市住房和城乡建设局", item.DepartmentName);
        Assert.False(string.IsNullOrEmpty(item.ImplementingBody));
        Assert.Equal("乳山市住房和城乡建设局", Assert.Single(acted.Items).DepartmentName);
    }
}
