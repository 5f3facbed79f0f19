using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Daiban.Core.Cases;
using Daiban.Core.Persistence;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Cases;

/// <summary>
/// The archive endpoints serve camelCase content (architecture issue, item 6), for archives written now and for
/// rows stored before in PascalCase, which are never rewritten and still prove themselves by their hash.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ArchiveContentTests : StaffAppTest
{
    private const string CreditCode = "9144030071526726XG";

    /// <summary>A walk-in 代办 case worked to delivery and archived, and a confirmed user of its enterprise.</summary>
    private async Task<(string Url, HttpClient Agent, HttpClient Enterprise)> ArchivedCaseAsync()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var created = await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市宏达机械有限公司", creditCode = CreditCode, contactName = "刘伟", contactPhone = "13806310003",
            mode = "Agency", items = new[] { "S3-03" },
            project = new { name = "宏达机械新厂房", location = "乳山市经济开发区", investmentType = "Social", kind = "Industrial" },
        }));
        var url = $"/api/staff/cases/{created.Id}";
        var liqiang = await WithDbAsync(db =>
            db.Staff.Where(s => s.UserName == "liqiang").Select(s => s.Id).SingleAsync());
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync($"{url}/assignment",
            new { agentId = liqiang, reason = "熟悉施工许可" }));
        var agent = await App.SignedInAsync("liqiang");
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/start", null));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/S3-03/submit",
            new { on = "2026-03-02" }));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/S3-03/approve",
            new { resultDocumentNo = "乳住建施字〔2026〕第0123号" }));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/results-ready", null));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/delivery/in-person",
            new { documents = "施工许可证", signedBy = "刘伟" }));
        await ProblemAssert.OkAsync<ArchiveResponse>(await agent.PostAsync($"{url}/archive", null));

        var enterprise = await App.MiniProgramUserAsync($"oArchive{Guid.NewGuid():N}"[..28]);
        var bound = await enterprise.PostAsJsonAsync("/api/mp/enterprises",
            new { enterpriseName = "乳山市宏达机械有限公司", creditCode = CreditCode, contactName = "刘敏" });
        var binding = await ProblemAssert.OkAsync<EnterpriseBinding>(bound);
        await App.ConfirmContactAsync(binding.ContactId);
        return (url, agent, enterprise);
    }

    private async Task<T> WithDbAsync<T>(Func<DaibanDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DaibanDbContext>());
    }

    /// <summary>Stores the archive as the compiler wrote it before: PascalCase, and no enterprise view yet.</summary>
    private async Task<string> StoreAsOldArchiveAsync(string caseNumber, Func<string, string>? alter = null)
    {
        var row = await WithDbAsync(db => db.CaseArchives.AsNoTracking()
            .SingleAsync(a => db.Cases.Any(c => c.Id == a.CaseId && c.CaseNumber == caseNumber)));
        var old = JsonSerializer.Serialize(Pascal(JsonNode.Parse(row.ContentJson)), OldWriter);
        var hash = CaseArchiveCompiler.Hash(old);
        var stored = alter?.Invoke(old) ?? old;
        await WithDbAsync(db => db.CaseArchives.Where(a => a.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.ContentJson, stored).SetProperty(a => a.ContentHash, hash)
            .SetProperty(a => a.EnterpriseContentJson, (string?)null)
            .SetProperty(a => a.EnterpriseContentHash, (string?)null)));
        return hash;
    }

    private static readonly JsonSerializerOptions OldWriter =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonNode? Pascal(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p =>
            KeyValuePair.Create(char.ToUpperInvariant(p.Key[0]) + p.Key[1..], Pascal(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Pascal).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string Root(ArchiveResponse archive) =>
        string.Join(",", archive.Content.EnumerateObject().Select(p => p.Name));

    [Fact]
    public async Task ANewArchive_IsServedCamelCase_ToStaffAndToTheEnterprise()
    {
        var (url, agent, enterprise) = await ArchivedCaseAsync();
        var caseId = url[(url.LastIndexOf('/') + 1)..];

        var staff = await ProblemAssert.OkAsync<ArchiveResponse>(await agent.GetAsync($"{url}/archive"));
        var own = await ProblemAssert.OkAsync<ArchiveResponse>(
            await enterprise.GetAsync($"/api/mp/cases/{caseId}/archive"));

        Assert.True(staff.Intact);
        Assert.True(own.Intact);
        Assert.StartsWith("caseNumber,mode,channel", Root(staff));
        Assert.Equal("乳住建施字〔2026〕第0123号",
            staff.Content.GetProperty("items")[0].GetProperty("resultDocumentNo").GetString());
        Assert.Equal("WalkIn", staff.Content.GetProperty("channel").GetString());
        Assert.StartsWith("caseNumber,mode", Root(own));
        Assert.True(own.Content.TryGetProperty("log", out _));
    }

    [Fact]
    public async Task ThePrintedArchive_SaysEveryLabelAndValueInChinese_WithTimesInChinaTime()
    {
        var (url, agent, _) = await ArchivedCaseAsync();

        var printed = await (await agent.GetAsync($"{url}/archive/print")).Content.ReadAsStringAsync();

        var labels = Regex.Matches(printed, "<(?:th|h2)>([^<]*)</(?:th|h2)>").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("建设地点", labels);
        Assert.Contains("寄出时间", labels);
        Assert.DoesNotContain(labels, l => Regex.IsMatch(l, "[A-Za-z]"));
        // No UTC ISO instants, no enum names: 2026年3月2日 09:30, 社会投资, 工业.
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}T\d{2}:", printed);
        Assert.Matches(@"<td>20\d\d年\d{1,2}月\d{1,2}日 \d\d:\d\d</td>", printed);
        Assert.Contains("<td>社会投资</td>", printed);
        Assert.Contains("<td>工业</td>", printed);
        Assert.DoesNotContain(">Social<", printed);
        Assert.DoesNotContain(">InPerson<", printed);
    }

    [Fact]
    public async Task AnOldPascalCaseArchive_StaysVerifiable_AndIsServedLikeANewOne()
    {
        var (url, agent, enterprise) = await ArchivedCaseAsync();
        var caseId = url[(url.LastIndexOf('/') + 1)..];
        var now = await ProblemAssert.OkAsync<ArchiveResponse>(await agent.GetAsync($"{url}/archive"));
        var caseNumber = now.Content.GetProperty("caseNumber").GetString()!;

        var hash = await StoreAsOldArchiveAsync(caseNumber);
        var staff = await ProblemAssert.OkAsync<ArchiveResponse>(await agent.GetAsync($"{url}/archive"));
        var own = await ProblemAssert.OkAsync<ArchiveResponse>(
            await enterprise.GetAsync($"/api/mp/cases/{caseId}/archive"));
        var printed = await (await agent.GetAsync($"{url}/archive/print")).Content.ReadAsStringAsync();

        Assert.True(staff.Intact);
        Assert.Equal(hash, staff.ContentHash);
        Assert.True(JsonElement.DeepEquals(now.Content, staff.Content));
        // The oldest rows have no enterprise view: the parts without internal notes, vouched for by the full hash.
        Assert.True(own.Intact);
        Assert.Equal(hash, own.ContentHash);
        Assert.Equal(caseNumber, own.Content.GetProperty("caseNumber").GetString());
        Assert.False(own.Content.TryGetProperty("log", out _));
        Assert.Contains("<h2>案件编号</h2>", printed);
        Assert.Contains("乳住建施字〔2026〕第0123号", printed);
        Assert.Contains("校验一致", printed);
    }

    [Fact]
    public async Task AnOldPascalCaseArchive_ChangedInTheDatabase_IsReportedNotIntact()
    {
        var (url, agent, _) = await ArchivedCaseAsync();
        var caseNumber = (await ProblemAssert.OkAsync<ArchiveResponse>(await agent.GetAsync($"{url}/archive")))
            .Content.GetProperty("caseNumber").GetString()!;

        await StoreAsOldArchiveAsync(caseNumber, old => old.Replace("乳住建施字〔2026〕第0123号", "乳住建施字〔2026〕第0999号"));
        var staff = await ProblemAssert.OkAsync<ArchiveResponse>(await agent.GetAsync($"{url}/archive"));
        var printed = await (await agent.GetAsync($"{url}/archive/print")).Content.ReadAsStringAsync();

        Assert.False(staff.Intact);
        Assert.Contains("校验不一致", printed);
    }
}
