using System.Net;
using System.Net.Http.Json;
using Daiban.Web.Cases;
using Daiban.Web.Enterprises;
using Daiban.Web.Tests.Support;

namespace Daiban.Web.Tests.Enterprises;

/// <summary>Later contacts of an enterprise are confirmed by one it already trusts; nobody else sees or changes them.</summary>
[Collection(HostCollection.Name)]
public sealed class EnterpriseContactTests : StaffAppTest
{
    private const string CreditCode = "91110000802100433B";

    private static async Task<EnterpriseBinding> BindAsync(HttpClient user, string creditCode, string name) =>
        await ProblemAssert.OkAsync<EnterpriseBinding>(await user.PostAsJsonAsync("/api/mp/enterprises", new { enterpriseName = "乳山市海岸新材料有限公司", creditCode, contactName = name }));

    [Fact]
    public async Task AConfirmedContact_ConfirmsALaterColleague_WhoCanThenAct()
    {
        var first = await App.MiniProgramUserAsync("oContactFirst000000000001");
        var binding = await BindAsync(first, CreditCode, "孙海");
        var apply = new HttpRequestMessage(HttpMethod.Post, "/api/mp/cases")
        {
            Content = JsonContent.Create(new { mode = "Agency", stages = new[] { 3 }, project = new { name = "海岸研发楼", location = "乳山市", investmentType = "Social", kind = "Industrial" } }),
        };
        apply.Headers.Add("Idempotency-Key", "contact-test-1");
        var caseId = (await (await first.SendAsync(apply)).Content.ReadFromJsonAsync<EnterpriseCaseView>(TestJson.Options))!.Id;
        var clerk = await App.SignedInAsync("wangmin");
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsync($"/api/staff/cases/{caseId}/register", null));
        await App.ConfirmContactAsync(binding.ContactId);   // registration alone confirms nobody

        var later = await App.MiniProgramUserAsync("oContactLater000000000001");
        var pending = await BindAsync(later, CreditCode, "李工");
        Assert.Equal("Pending", pending.Status);
        var url = $"/api/mp/enterprises/{binding.EnterpriseId}/contacts";
        await ProblemAssert.IsProblemAsync(await later.GetAsync(url), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await later.PostAsync($"{url}/{pending.ContactId}/confirm", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await later.GetAsync($"/api/mp/cases/{caseId}"), HttpStatusCode.NotFound);

        var contacts = await ProblemAssert.OkAsync<List<ContactView>>(await first.GetAsync(url));
        Assert.Equal([("孙海", "Confirmed", true), ("李工", "Pending", false)], contacts.Select(c => (c.Name, c.Status, c.IsMe)));
        var confirmed = await ProblemAssert.OkAsync<ContactView>(await first.PostAsync($"{url}/{pending.ContactId}/confirm", null));
        Assert.Equal("已确认", confirmed.StatusName);

        Assert.Equal(caseId, (await ProblemAssert.OkAsync<EnterpriseCaseView>(await later.GetAsync($"/api/mp/cases/{caseId}"))).Id);
        await ProblemAssert.IsProblemAsync(await first.PostAsync($"{url}/{binding.ContactId}/revoke", null), HttpStatusCode.Conflict);

        // Another enterprise's user cannot see or touch these contacts.
        var stranger = await App.MiniProgramUserAsync("oContactStranger000000001");
        await BindAsync(stranger, "91110108551385082Q", "王某");
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync(url), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.PostAsync($"{url}/{pending.ContactId}/revoke", null), HttpStatusCode.NotFound);

        var revoked = await ProblemAssert.OkAsync<ContactView>(await first.PostAsync($"{url}/{pending.ContactId}/revoke", null));
        Assert.Equal("Revoked", revoked.Status);
        await ProblemAssert.IsProblemAsync(await later.GetAsync($"/api/mp/cases/{caseId}"), HttpStatusCode.NotFound);
    }
}
