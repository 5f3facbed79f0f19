using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Enterprises;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Support;

namespace Daiban.Web.Tests.Cases;

/// <summary>
/// The clerk finds a case by what the caller on the phone says (the enterprise, the project, the contact, a part
/// of the number), each row says whose case it is, and a long list comes a page at a time.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class StaffCaseSearchTests : StaffAppTest
{
    private static string CreditCode(int n)
    {
        var first17 = $"91371083MA{n:D7}";
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    private static object WalkIn(int n, string enterprise, string project, string contact, string phone) => new
    {
        enterpriseName = enterprise, creditCode = CreditCode(n), contactName = contact, contactPhone = phone,
        mode = "Agency", stages = new[] { 3 }, request = "代办施工许可",
        project = new { name = project, location = "乳山市", investmentType = "Social", kind = "Industrial" },
    };

    [Fact]
    public async Task TheClerk_FindsACase_ByEnterpriseProjectContactPhoneOrNumber_APageAtATime()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var made = new List<CaseResponse>();
        foreach (var (n, enterprise, project, contact, phone) in new[]
                 {
                     (1, "乳山检索甲建材有限公司", "检索测试甲厂房", "赵检索", "13806319001"),
                     (2, "乳山检索乙置业有限公司", "检索测试乙住宅", "钱检索", "13806319002"),
                     (3, "乳山检索丙物流有限公司", "检索测试丙仓库", "孙检索", "13806319003"),
                 })
            made.Add(await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync("/api/staff/cases",
                WalkIn(n, enterprise, project, contact, phone))));

        var byEnterprise = await ListAsync(clerk, "q=乙置业");
        var byProject = await ListAsync(clerk, "q=丙仓库");
        var byContact = await ListAsync(clerk, "q=赵检索");
        var byPhone = await ListAsync(clerk, "q=13806319002");
        var byPartOfPhone = await ListAsync(clerk, "q=1380631900");
        var byNumber = await ListAsync(clerk, "q=" + made[2].CaseNumber[^6..]);

        var second = Assert.Single(byEnterprise);
        Assert.Equal((made[1].Id, "乳山检索乙置业有限公司", "检索测试乙住宅", "钱检索"),
            (second.Id, second.EnterpriseName, second.ProjectName, second.ContactName));
        Assert.Equal(made[2].Id, Assert.Single(byProject).Id);
        Assert.Equal(made[0].Id, Assert.Single(byContact).Id);
        Assert.Equal(made[1].Id, Assert.Single(byPhone).Id);
        // A phone number is matched whole: a part of one finds nobody's case.
        Assert.Empty(byPartOfPhone);
        Assert.Contains(byNumber, c => c.Id == made[2].Id);

        var first = await clerk.GetAsync("/api/staff/cases?q=检索测试&pageSize=2&sort=Newest");
        var page1 = await ProblemAssert.OkAsync<List<CaseListItem>>(first);
        var next = first.Headers.GetValues("Link").Single();
        var page2Response = await clerk.GetAsync(next[1..next.IndexOf('>')]);
        var page2 = await ProblemAssert.OkAsync<List<CaseListItem>>(page2Response);
        Assert.Equal(made.Select(c => c.Id).Reverse(), page1.Concat(page2).Select(c => c.Id));
        Assert.Contains("rel=\"next\"", next);
        Assert.Equal("3", first.Headers.GetValues("X-Total-Count").Single());
        Assert.False(page2Response.Headers.Contains("Link"));
        // By default the longest waiting comes first (none of these has a due date yet).
        Assert.Equal(made.Select(c => c.Id), (await ListAsync(clerk, "q=检索测试")).Select(c => c.Id));
    }

    [Fact]
    public async Task AnAgent_FindsOnlyItsOwnCases_AndABadPageSizeIsRefused()
    {
        var clerk = await App.SignedInAsync("wangmin");
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync("/api/staff/cases",
            WalkIn(7, "乳山检索丁化工有限公司", "检索测试丁车间", "李检索", "13806319007")));
        var agent = await App.SignedInAsync("liqiang");

        Assert.Empty(await ListAsync(agent, "q=丁化工"));
        Assert.Single(await ListAsync(clerk, "q=丁化工"));
        await ProblemAssert.IsProblemAsync(await clerk.GetAsync("/api/staff/cases?pageSize=0"),
            HttpStatusCode.UnprocessableEntity);
        await ProblemAssert.IsProblemAsync(await clerk.GetAsync("/api/staff/cases?q=" + new string('检', 65)),
            HttpStatusCode.UnprocessableEntity);
    }

    private static async Task<List<CaseListItem>> ListAsync(HttpClient client, string query) =>
        await ProblemAssert.OkAsync<List<CaseListItem>>(await client.GetAsync("/api/staff/cases?" + query));
}
