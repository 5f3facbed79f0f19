using System.Net;
using System.Text.Json;
using Daiban.Web.Tests.Support;

namespace Daiban.Web.Tests.Catalog;

[Collection(HostCollection.Name)]
public sealed class CatalogEndpointTests(ProductionLikeApp app)
{
    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Stages_ListsTheFourStagesInOrder_ThenParallelItems()
    {
        var stages = await GetJsonAsync("/api/catalog/stages");

        Assert.Equal([1, 2, 3, 4, 5], stages.EnumerateArray().Select(s => s.GetProperty("stage").GetInt32()));
        Assert.Equal(["立项用地规划许可", "工程建设许可", "施工许可", "竣工验收", "并行推进事项"],
            stages.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var items = stages.EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray()).ToList();
        Assert.True(items.Count >= 25);
        foreach (var item in items)
        {
            foreach (var key in new[] { "code", "name", "department", "promisedDays", "statutoryLimit", "materials", "implementingBody" })
                Assert.True(item.TryGetProperty(key, out _), $"{item.GetProperty("code")} lacks {key}");
        }
        var permit = items.Single(i => i.GetProperty("code").GetString() == "S3-03");
        Assert.Equal("乳山市住房和城乡建设局", permit.GetProperty("department").GetString());
        Assert.Equal("乳山市行政审批服务局", permit.GetProperty("implementingBody").GetString());
        Assert.Equal("7日", permit.GetProperty("statutoryLimit").GetProperty("text").GetString());
        Assert.Contains(permit.GetProperty("materials").EnumerateArray(), m => m.GetProperty("core").GetBoolean());
    }

    [Fact]
    public async Task Departments_AreListedWithTheirNames_ForPickers()
    {
        var departments = await GetJsonAsync("/api/catalog/departments");

        var byCode = departments.EnumerateArray()
            .ToDictionary(d => d.GetProperty("code").GetString()!, d => d.GetProperty("name").GetString());
        Assert.Equal("乳山市住房和城乡建设局", byCode["ZJJ"]);
        Assert.Equal("乳山市城建档案馆", byCode["CJDA"]);
        Assert.Equal(byCode.Keys.Order(StringComparer.Ordinal), byCode.Keys);
    }

    [Fact]
    public async Task Item_ReturnsOneItem_CaseInsensitive()
    {
        var item = await GetJsonAsync("/api/catalog/items/s1-06");

        Assert.Equal("S1-06", item.GetProperty("code").GetString());
        Assert.Equal("3年", item.GetProperty("resultValidity").GetString());
    }

    [Fact]
    public async Task Item_Unknown_Is404Problem()
    {
        var response = await app.CreateClient().GetAsync("/api/catalog/items/S9-99");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("未找到该审批事项", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Notice_ListsEveryItemAndMaterialOfTheScope_ForTheCategory()
    {
        var notice = await GetJsonAsync("/api/catalog/notice?category=SimpleLowRisk&stages=3&items=P-03");

        var codes = notice.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("code").GetString()).ToList();
        // Simple low-risk projects need no construction-drawing review in Shandong.
        Assert.DoesNotContain("S3-01", codes);
        Assert.Contains("S3-03", codes);
        Assert.Contains("P-03", codes);
        Assert.Equal(codes.Count, notice.GetProperty("itemCount").GetInt32());
        Assert.True(notice.GetProperty("materialCount").GetInt32() >= codes.Count);
    }

    [Theory]
    [InlineData("/api/catalog/notice?category=Factory&stages=1")]
    [InlineData("/api/catalog/notice?category=SocialCivil&stages=9")]
    [InlineData("/api/catalog/notice?category=SocialCivil&stages=x")]
    [InlineData("/api/catalog/notice?category=SocialCivil")]
    [InlineData("/api/catalog/notice?category=SocialCivil&items=NOPE")]
    public async Task Notice_BadInput_Is422ProblemInChinese(string url)
    {
        var response = await app.CreateClient().GetAsync(url);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Notice_MissingCategory_Is400Problem()
    {
        var response = await app.CreateClient().GetAsync("/api/catalog/notice?stages=1");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
