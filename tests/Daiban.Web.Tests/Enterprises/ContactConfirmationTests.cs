using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Web.Cases;
using Daiban.Web.Enterprises;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Enterprises;

/// <summary>
/// Security review, issue 16 item 2: knowing a credit code and getting an application registered does not make anyone
/// a contact; the window confirms on evidence it can see, the decision is recorded, and a newer contact cannot lock
/// out an older one.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ContactConfirmationTests : StaffAppTest
{
    private const string CreditCode = "91110000802100433B";
    private static readonly byte[] Letter = [.. "%PDF-1.7\n%授权委托书\n"u8.ToArray(), .. Enumerable.Repeat((byte)'x', 500)];

    private static readonly object Application = new
    {
        mode = "Agency",
        stages = new[] { 3 },
        project = new { name = "海岸研发楼", location = "乳山市", investmentType = "Social", kind = "Industrial" },
    };

    private static async Task<EnterpriseBinding> BindAsync(HttpClient user, string name) =>
        await ProblemAssert.OkAsync<EnterpriseBinding>(await user.PostAsJsonAsync("/api/mp/enterprises",
            new { enterpriseName = "乳山市海岸新材料有限公司", creditCode = CreditCode, contactName = name }));

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string? name = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (name is not null)
            form.Add(new StringContent(name), "name");
        return form;
    }

    /// <summary>The enterprise's real contact, confirmed by the window, with a registered, assigned case holding a file.</summary>
    private async Task<(HttpClient Real, EnterpriseBinding Binding, long CaseId, long MaterialId, HttpClient Clerk)> RealContactAsync()
    {
        var real = await App.MiniProgramUserAsync("oRealContact0000000000001");
        var binding = await BindAsync(real, "孙海");
        var caseId = (await ProblemAssert.OkAsync<EnterpriseCaseView>(await real.PostAsJsonAsync("/api/mp/cases",
            Application))).Id;
        var clerk = await App.SignedInAsync("wangmin");
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsync($"/api/staff/cases/{caseId}/register", null));
        await App.ConfirmContactAsync(binding.ContactId);
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync($"/api/staff/cases/{caseId}/assignment",
            new { }));
        var material = await real.PostAsync($"/api/mp/cases/{caseId}/materials", Form(Letter, "contract.pdf", "施工合同"));
        Assert.Equal(HttpStatusCode.Created, material.StatusCode);
        var materialId = (await material.Content.ReadFromJsonAsync<UploadedMaterial>(TestJson.Options))!.Id;
        return (real, binding, caseId, materialId, clerk);
    }

    [Fact]
    public async Task AStrangerWithTheCreditCode_WhoseApplicationIsRegistered_StaysPending_AndSeesOnlyItsOwnApplication()
    {
        var (real, realBinding, realCase, materialId, clerk) = await RealContactAsync();

        var stranger = await App.MiniProgramUserAsync("oStrangerContact000000001");
        var pending = await BindAsync(stranger, "冒名者");
        var own = await ProblemAssert.OkAsync<EnterpriseCaseView>(await stranger.PostAsJsonAsync("/api/mp/cases",
            Application));
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsync($"/api/staff/cases/{own.Id}/register", null));

        // Registration confirmed nobody: the binding still waits for the window.
        var binding = Assert.Single(await ProblemAssert.OkAsync<List<EnterpriseBinding>>(await stranger.GetAsync("/api/mp/enterprises")));
        Assert.Equal(("Pending", "待窗口确认"), (binding.Status, binding.StatusName));
        // Its own application, registered, is all it sees.
        Assert.Equal(own.Id,
            (await ProblemAssert.OkAsync<EnterpriseCaseView>(await stranger.GetAsync($"/api/mp/cases/{own.Id}"))).Id);
        Assert.Equal([own.Id],
            (await ProblemAssert.OkAsync<List<EnterpriseCaseView>>(await stranger.GetAsync("/api/mp/cases"))).Select(c => c.Id));
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/mp/cases/{realCase}"),
            HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/mp/cases/{realCase}/archive"),
            HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/mp/cases/{realCase}/materials"),
            HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/mp/cases/{realCase}/materials/{materialId}/file"), HttpStatusCode.NotFound);
        var contacts = $"/api/mp/enterprises/{pending.EnterpriseId}/contacts";
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync(contacts), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.PostAsync($"{contacts}/{realBinding.ContactId}/revoke",
            null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.PostAsync($"{contacts}/{pending.ContactId}/confirm", null),
            HttpStatusCode.NotFound);

        // The real contact is untouched and still acts for the enterprise.
        Assert.Equal("Confirmed",
            Assert.Single(await ProblemAssert.OkAsync<List<EnterpriseBinding>>(await real.GetAsync("/api/mp/enterprises"))).Status);
        Assert.Contains(await ProblemAssert.OkAsync<List<ContactView>>(await real.GetAsync(contacts)),
            c => c.Id == pending.ContactId && c.Status == "Pending");
    }

    [Fact]
    public async Task TheWindow_ConfirmsOnEvidenceItCanSee_TheDecisionIsRecorded_AndANewerContactCannotRevokeAnOlderOne()
    {
        var (real, realBinding, realCase, _, clerk) = await RealContactAsync();
        var newcomer = await App.MiniProgramUserAsync("oNewcomerContact000000001");
        var pending = await BindAsync(newcomer, "李工");
        var own = await ProblemAssert.OkAsync<EnterpriseCaseView>(await newcomer.PostAsJsonAsync("/api/mp/cases",
            Application));
        Assert.Equal(["验证微信绑定的手机号", "上传加盖企业公章的授权委托书（或请法定代表人联系综合窗口确认）"], pending.StillNeeded);

        // The window's queue shows what there is to check: name, phone, letter, the enterprise's contacts, the application.
        var queued = Assert.Single(await ProblemAssert.OkAsync<List<PendingContact>>(await clerk.GetAsync("/api/staff/contacts/pending")));
        Assert.Equal((pending.ContactId, "李工", false, false, CreditCode), (queued.Id, queued.Name,
            queued.PhoneVerified, queued.HasLetter, queued.CreditCode));
        Assert.Equal(["孙海"], queued.ConfirmedContacts.Select(c => c.Name));
        Assert.Equal([own.Id], queued.Applications.Select(a => a.CaseId));
        var confirmation = $"/api/staff/contacts/{pending.ContactId}/confirmation";
        var noEvidence = await clerk.PostAsJsonAsync(confirmation, new { note = "看着像" });
        Assert.Contains("核验依据", (await ProblemAssert.IsProblemAsync(noEvidence,
            HttpStatusCode.UnprocessableEntity)).GetProperty("title").GetString());
        await ProblemAssert.IsProblemAsync(await clerk.PostAsJsonAsync(confirmation,
            new { evidence = "AuthorizationLetter" }), HttpStatusCode.UnprocessableEntity);
        var agent = await App.SignedInAsync("liqiang");
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync(confirmation,
            new { evidence = "InPersonAtWindow" }), HttpStatusCode.Forbidden);

        // The newcomer verifies its phone and uploads the letter; the window downloads it.
        var phoneCode = (await (await newcomer.PostAsJsonAsync("/_wx/test/phone-code", new { phone = "13806318888",
            openid = "oNewcomerContact000000001" }))
            .Content.ReadFromJsonAsync<Dictionary<string, string>>())!["code"];
        Assert.Equal(HttpStatusCode.OK, (await newcomer.PostAsJsonAsync("/api/mp/me/phone",
            new { code = phoneCode })).StatusCode);
        var stranger = await App.MiniProgramUserAsync("oLetterStranger0000000001");
        await ProblemAssert.IsProblemAsync(await stranger.PostAsync($"/api/mp/contacts/{pending.ContactId}/authorization-letter", Form(Letter, "l.pdf")),
            HttpStatusCode.NotFound);
        var withLetter = await ProblemAssert.OkAsync<EnterpriseBinding>(
            await newcomer.PostAsync($"/api/mp/contacts/{pending.ContactId}/authorization-letter", Form(Letter,
                "授权委托书.pdf")));
        Assert.True(withLetter.LetterUploaded);
        Assert.Empty(withLetter.StillNeeded);
        queued = Assert.Single(await ProblemAssert.OkAsync<List<PendingContact>>(await clerk.GetAsync("/api/staff/contacts/pending")));
        Assert.Equal((true, true, "138****8888"), (queued.PhoneVerified, queued.HasLetter, queued.Phone));
        Assert.Equal(Letter, await (await clerk.GetAsync(queued.LetterUrl)).Content.ReadAsByteArrayAsync());
        await ProblemAssert.IsProblemAsync(await newcomer.GetAsync($"/api/mp/cases/{realCase}"),
            HttpStatusCode.NotFound);

        var decided = await ProblemAssert.OkAsync<ContactDecisionResponse>(await clerk.PostAsJsonAsync(confirmation,
            new { evidence = "AuthorizationLetter", note = "委托书盖章与营业执照一致" }));
        Assert.Equal(("Confirmed", "王敏", "授权委托书", "委托书盖章与营业执照一致"), (decided.Status, decided.ConfirmedBy,
            decided.Evidence, decided.EvidenceNote));
        Assert.NotNull(decided.ConfirmedAt);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            var contact = await db.EnterpriseContacts.AsNoTracking().SingleAsync(c => c.Id == pending.ContactId);
            Assert.Equal((ContactEvidence.AuthorizationLetter, Core.Common.ActorKind.Staff), (contact.Evidence,
                contact.ConfirmedByKind));
            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "contact.confirm" && a.EntityId == $"{pending.ContactId}");
            Assert.Equal("王敏", audit.ActorName);
            Assert.Contains("授权委托书", audit.Detail);
        }
        Assert.Contains(await ProblemAssert.OkAsync<List<InAppMessage>>(await newcomer.GetAsync("/api/mp/messages")),
            m => m.Title.Contains("您已确认为"));
        Assert.Empty(await ProblemAssert.OkAsync<List<PendingContact>>(await clerk.GetAsync("/api/staff/contacts/pending")));

        // Now it acts for the enterprise, but it cannot lock out the contact confirmed before it; that takes the window.
        Assert.Equal(realCase,
            (await ProblemAssert.OkAsync<EnterpriseCaseView>(await newcomer.GetAsync($"/api/mp/cases/{realCase}"))).Id);
        var contacts = $"/api/mp/enterprises/{pending.EnterpriseId}/contacts";
        var refused = await newcomer.PostAsync($"{contacts}/{realBinding.ContactId}/revoke", null);
        Assert.Contains("综合窗口", (await ProblemAssert.IsProblemAsync(refused,
            HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("Confirmed",
            Assert.Single(await ProblemAssert.OkAsync<List<EnterpriseBinding>>(await real.GetAsync("/api/mp/enterprises"))).Status);
        // The older contact may revoke the newer one.
        Assert.Equal("Revoked",
            (await ProblemAssert.OkAsync<ContactView>(await real.PostAsync($"{contacts}/{pending.ContactId}/revoke",
            null))).Status);
        await ProblemAssert.IsProblemAsync(await newcomer.GetAsync($"/api/mp/cases/{realCase}"),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheWindow_RefusesWithAReason_OrRevokesAnyContact_AndEachDecisionIsAuditedAndTold()
    {
        var (real, realBinding, realCase, _, clerk) = await RealContactAsync();
        var newcomer = await App.MiniProgramUserAsync("oRefusedContact0000000001");
        var pending = await BindAsync(newcomer, "王某");

        var refusal = $"/api/staff/contacts/{pending.ContactId}/refusal";
        await ProblemAssert.IsProblemAsync(await clerk.PostAsJsonAsync(refusal, new { reason = " " }),
            HttpStatusCode.UnprocessableEntity);
        var refused = await ProblemAssert.OkAsync<ContactDecisionResponse>(await clerk.PostAsJsonAsync(refusal,
            new { reason = "法定代表人表示不认识此人" }));
        Assert.Equal(("Refused", "法定代表人表示不认识此人"), (refused.Status, refused.ClosingReason));
        var binding = Assert.Single(await ProblemAssert.OkAsync<List<EnterpriseBinding>>(await newcomer.GetAsync("/api/mp/enterprises")));
        Assert.Equal(("不予确认", "法定代表人表示不认识此人"), (binding.StatusName, binding.ClosingReason));
        Assert.Contains(await ProblemAssert.OkAsync<List<InAppMessage>>(await newcomer.GetAsync("/api/mp/messages")),
            m => m.Title.Contains("未获确认"));

        // The window may revoke even the first contact (e.g. it left the company).
        var revoked = await ProblemAssert.OkAsync<ContactDecisionResponse>(await clerk.PostAsJsonAsync($"/api/staff/contacts/{realBinding.ContactId}/revocation",
            new { reason = "企业来函：该联系人已离职" }));
        Assert.Equal("Revoked", revoked.Status);
        await ProblemAssert.IsProblemAsync(await real.GetAsync($"/api/mp/cases/{realCase}"), HttpStatusCode.NotFound);
        await using var scope = App.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(EnterpriseContact)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["contact.confirm", "contact.refuse", "contact.revoke"], actions);
    }

    [Fact]
    public async Task AWalkIn_ConfirmsTheContactTheClerkMet_RecordedAsInPersonWithTheClerk()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var walkIn = await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市海岸新材料有限公司", creditCode = CreditCode, contactName = "孙海", contactPhone = "13806310009",
            mode = "Agency", stages = new[] { 3 },
            project = new { name = "海岸研发楼", location = "乳山市", investmentType = "Social", kind = "Industrial" },
        }));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        var contact = await db.EnterpriseContacts.AsNoTracking().SingleAsync(c => c.EnterpriseId == walkIn.EnterpriseId);
        Assert.Equal((ContactStatus.Confirmed, ContactEvidence.InPersonAtWindow, "王敏"), (contact.Status,
            contact.Evidence, contact.ConfirmedBy));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "contact.confirm" && a.EntityId == $"{contact.Id}"));
    }
}
