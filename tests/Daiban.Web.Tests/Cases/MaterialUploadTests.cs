using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Cases;

/// <summary>Supplementary materials uploaded from the mini-program: stored once, registered for 形式审查, served only to those who may see the case.</summary>
[Collection(HostCollection.Name)]
public sealed class MaterialUploadTests : StaffAppTest
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj <<>> endobj\n"u8.ToArray(), .. Enumerable.Repeat((byte)'x', 2000)];

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string? name = "施工合同（盖章扫描件）", string? itemCode = "S3-03")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (name is not null)
            form.Add(new StringContent(name), "name");
        if (itemCode is not null)
            form.Add(new StringContent(itemCode), "itemCode");
        return form;
    }

    private async Task<(HttpClient Enterprise, long CaseId)> RegisteredCaseAsync(string openId, string creditCode, bool register = true)
    {
        var enterprise = await App.MiniProgramUserAsync(openId);
        var binding = await ProblemAssert.OkAsync<EnterpriseBinding>(await enterprise.PostAsJsonAsync("/api/mp/enterprises",
            new { enterpriseName = "乳山市海岸新材料有限公司", creditCode, contactName = "孙海" }));
        var apply = new HttpRequestMessage(HttpMethod.Post, "/api/mp/cases")
        {
            Content = JsonContent.Create(new { mode = "Agency", stages = new[] { 3 }, request = "代办施工许可", project = new { name = "海岸研发楼", location = "乳山市", investmentType = "Social", kind = "Industrial" } }),
        };
        apply.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var created = await enterprise.SendAsync(apply);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<EnterpriseCaseView>(TestJson.Options))!.Id;
        if (register)
        {
            var clerk = await App.SignedInAsync("wangmin");
            await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsync($"/api/staff/cases/{id}/register", null));
            await App.ConfirmContactAsync(binding.ContactId);
            await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync($"/api/staff/cases/{id}/assignment", new { agentId = await App.StaffIdAsync("zhangli"), reason = "熟悉施工许可" }));
        }
        return (enterprise, id);
    }

    [Fact]
    public async Task TheNowCard_ListsTheMaterialsAsked_AndAnUploadForOneNamedMaterial_TakesItOff()
    {
        var first17 = "91371083MB0070093";
        var (enterprise, caseId) = await RegisteredCaseAsync("oNowCardOwner000000000001",
            first17 + Daiban.Core.Enterprises.UnifiedSocialCreditCode.CheckCharacter(first17));
        var agent = await App.SignedInAsync("zhangli");
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"/api/staff/cases/{caseId}/start", null));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"/api/staff/cases/{caseId}/materials-request",
            new { missing = new[] { "营业执照复印件", "施工场地已具备施工条件的说明" } }));

        var asked = await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.GetAsync($"/api/mp/cases/{caseId}"));
        var listed = (await ProblemAssert.OkAsync<List<EnterpriseCaseView>>(await enterprise.GetAsync("/api/mp/cases")))
            .Single(c => c.Id == caseId);
        await enterprise.PostAsync($"/api/mp/cases/{caseId}/materials", Form(Pdf, "scan.pdf", "营业执照复印件"));
        var after = await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.GetAsync($"/api/mp/cases/{caseId}"));

        Assert.Equal("SupplyMaterials", asked.Next.Action);
        Assert.Equal("请补充2项材料", asked.Next.Title);
        Assert.Equal(["营业执照复印件", "施工场地已具备施工条件的说明"], asked.Next.Owed.Select(o => o.Material));
        Assert.Equal("海岸研发楼", asked.ProjectName);
        Assert.True(listed.Next.NeedsEnterprise);
        Assert.Equal("海岸研发楼", listed.ProjectName);
        Assert.Equal("施工场地已具备施工条件的说明", Assert.Single(after.Next.Owed).Material);
        var uploaded = Assert.Single(after.Materials);
        Assert.Equal(("营业执照复印件", "待审查", true), (uploaded.Name, uploaded.ReviewName, uploaded.Uploaded));
        Assert.All(after.Items, i => Assert.Equal("施工许可", i.StageName));
    }

    [Fact]
    public async Task FilesChosenTogether_AllArrive_TheAgentIsToldOnce_AndNoneAfterTheResultsAreOut()
    {
        var first17 = "91371083MB0070094";
        var (enterprise, caseId) = await RegisteredCaseAsync("oUploadTogether0000000001",
            first17 + Daiban.Core.Enterprises.UnifiedSocialCreditCode.CheckCharacter(first17));
        byte[] File(byte fill) => [.. Pdf, .. Enumerable.Repeat(fill, 100)];

        var uploads = await Task.WhenAll(Enumerable.Range(1, 4).Select(n =>
            enterprise.PostAsync($"/api/mp/cases/{caseId}/materials", Form(File((byte)n), $"scan{n}.pdf", $"扫描件{n}"))));

        Assert.All(uploads, u => Assert.Equal(HttpStatusCode.Created, u.StatusCode));
        var listed = await ProblemAssert.OkAsync<List<UploadedMaterial>>(
            await enterprise.GetAsync($"/api/mp/cases/{caseId}/materials"));
        Assert.Equal(["扫描件1", "扫描件2", "扫描件3", "扫描件4"], listed.Select(m => m.Name).Order());
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.Title == "企业上传了补充材料" && n.CaseId == caseId));
        }

        var agent = await App.SignedInAsync("zhangli");
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"/api/staff/cases/{caseId}/start", null));
        var view = await ProblemAssert.OkAsync<CaseResponse>(await agent.GetAsync($"/api/staff/cases/{caseId}"));
        foreach (var item in view.Items)
        {
            var url = $"/api/staff/cases/{caseId}/items/{item.Code}";
            await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/submit",
                new { on = "2026-03-02", reference = "受理" + item.Code }));
            await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/approve",
                new { resultDocumentNo = "批" + item.Code }));
        }
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"/api/staff/cases/{caseId}/results-ready", null));

        var late = await enterprise.PostAsync($"/api/mp/cases/{caseId}/materials", Form(File(9), "late.pdf", "迟到的材料"));
        var problem = await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Conflict);
        Assert.Contains("办理结果已出", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnUploadedPdf_IsRegisteredOnce_ToldToTheAgent_AndReadableOnlyByThoseWhoMaySeeTheCase()
    {
        var (enterprise, caseId) = await RegisteredCaseAsync("oUploadOwner0000000000001", "91110000802100433B");

        var created = await enterprise.PostAsync($"/api/mp/cases/{caseId}/materials", Form(Pdf, "contract.pdf"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var material = (await created.Content.ReadFromJsonAsync<UploadedMaterial>(TestJson.Options))!;
        Assert.Equal("施工合同（盖章扫描件）", material.Name);
        // The same file again (a retry) is the same material.
        Assert.Equal(material.Id, (await ProblemAssert.OkAsync<UploadedMaterial>(await enterprise.PostAsync($"/api/mp/cases/{caseId}/materials", Form(Pdf, "contract.pdf")))).Id);
        Assert.Single(await ProblemAssert.OkAsync<List<UploadedMaterial>>(await enterprise.GetAsync($"/api/mp/cases/{caseId}/materials")));

        var agent = await App.SignedInAsync("zhangli");
        var download = await agent.GetAsync($"/api/staff/cases/{caseId}/materials/{material.Id}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(Pdf, await (await enterprise.GetAsync($"/api/mp/cases/{caseId}/materials/{material.Id}/file")).Content.ReadAsByteArrayAsync());
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var notice = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Notifications
                .SingleAsync(n => n.Title == "企业上传了补充材料" && n.CaseId == caseId);
            Assert.Equal(await App.StaffIdAsync("zhangli"), notice.RecipientId);
            Assert.Equal(RecipientKind.Staff, notice.RecipientKind);
        }

        // Anyone else: the case, its materials and the file do not exist.
        var stranger = await App.MiniProgramUserAsync("oUploadStranger0000000001");
        await ProblemAssert.IsProblemAsync(await stranger.PostAsync($"/api/mp/cases/{caseId}/materials", Form(Pdf, "x.pdf")), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/mp/cases/{caseId}/materials"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/mp/cases/{caseId}/materials/{material.Id}/file"), HttpStatusCode.NotFound);
        var otherAgent = await App.SignedInAsync("liqiang");
        await ProblemAssert.IsProblemAsync(await otherAgent.GetAsync($"/api/staff/cases/{caseId}/materials/{material.Id}/file"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OversizeWrongTypeOrEarlyUploads_AreRefusedInChinese_AndRegisterNothing()
    {
        var (enterprise, caseId) = await RegisteredCaseAsync("oUploadLimits000000000001", "91110108551385082Q");

        var big = new byte[11 * 1024 * 1024];
        Pdf.CopyTo(big, 0);
        var tooBig = await ProblemAssert.IsProblemAsync(await enterprise.PostAsync($"/api/mp/cases/{caseId}/materials", Form(big, "big.pdf")), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("10MB", tooBig.GetProperty("title").GetString());
        var script = "<script>alert(1)</script>"u8.ToArray();
        var wrong = await ProblemAssert.IsProblemAsync(await enterprise.PostAsync($"/api/mp/cases/{caseId}/materials", Form(script, "contract.pdf")), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("PDF", wrong.GetProperty("title").GetString());
        await ProblemAssert.IsProblemAsync(await enterprise.PostAsync($"/api/mp/cases/{caseId}/materials", Form(Pdf, "c.pdf", itemCode: "S1-01")), HttpStatusCode.UnprocessableEntity);
        Assert.Empty(await ProblemAssert.OkAsync<List<UploadedMaterial>>(await enterprise.GetAsync($"/api/mp/cases/{caseId}/materials")));
        // Nor can the service be evaluated before its results were delivered.
        var tooEarly = await ProblemAssert.IsProblemAsync(await enterprise.PostAsJsonAsync($"/api/mp/cases/{caseId}/evaluation", new { overall = "Satisfied" }), HttpStatusCode.Conflict);
        Assert.Contains("送达并签收后才能评价", tooEarly.GetProperty("title").GetString());

        var (early, submitted) = await RegisteredCaseAsync("oUploadEarly0000000000001", "91440300708461136T", register: false);
        await ProblemAssert.IsProblemAsync(await early.PostAsync($"/api/mp/cases/{submitted}/materials", Form(Pdf, "c.pdf")), HttpStatusCode.Conflict);
    }
}
