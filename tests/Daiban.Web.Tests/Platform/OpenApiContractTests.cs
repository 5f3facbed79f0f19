using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Daiban.Core.Enterprises;
using Daiban.Web.Tests.Support;

namespace Daiban.Web.Tests.Platform;

/// <summary>
/// The OpenAPI document as a contract (architecture issue, item 6): a request field is required there exactly when
/// the server refuses a request without it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class OpenApiContractTests(ProductionLikeApp app)
{
    private async Task<JsonElement> SchemasAsync()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
            .GetProperty("components").GetProperty("schemas");
    }

    private static string[] Required(JsonElement schemas, string name) =>
        schemas.GetProperty(name).TryGetProperty("required", out var required)
            ? required.EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal).ToArray()
            : [];

    [Theory]
    [InlineData("ApplyRequest", new[] { "mode", "project" })]
    [InlineData("EvaluationRequest", new[] { "overall" })]
    [InlineData("ProjectRequest", new[] { "location", "name" })]
    [InlineData("BindEnterpriseRequest", new[] { "contactName", "creditCode", "enterpriseName" })]
    [InlineData("WalkInRequest", new[] { "contactName", "creditCode", "mode", "project" })]
    [InlineData("IssueRequest", new[] { "caseId", "deadline", "description", "responsibleDepartment" })]
    [InlineData("ProposePlanRequest", new[] { "steps", "summary" })]
    [InlineData("PlanStepRequest", new[] { "description" })]
    [InlineData("PlanDecisionRequest", new string[0])]
    [InlineData("AssignRequest", new string[0])]
    [InlineData("ItemActionRequest", new string[0])]
    // One contract for a create and a partial update: the update needs nothing, so nothing is required.
    [InlineData("FaqRequest", new string[0])]
    [InlineData("StaffRequest", new string[0])]
    public async Task ARequestContract_RequiresOnlyWhatTheServerRefusesWithout(string contract, string[] expected)
    {
        var schemas = await SchemasAsync();

        Assert.Equal(expected.Order(StringComparer.Ordinal), Required(schemas, contract));
    }

    [Fact]
    public async Task AResponseContract_StillListsEveryProperty_AllAreAlwaysWritten()
    {
        var schemas = await SchemasAsync();
        var caseResponse = schemas.GetProperty("CaseResponse");

        var properties = caseResponse.GetProperty("properties").EnumerateObject().Select(p => p.Name);

        Assert.Equal(properties.Order(StringComparer.Ordinal), Required(schemas, "CaseResponse"));
        Assert.Contains("agentName", Required(schemas, "CaseResponse"));
    }

    [Fact]
    public async Task EveryEnum_SaysWhatEachValueMeans_InChinese()
    {
        var schemas = await SchemasAsync();
        var enums = schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out _)).ToList();

        Assert.Contains(enums, e => e.Name == "SatisfactionLevel");
        foreach (var schema in enums)
        {
            var values = schema.Value.GetProperty("enum").EnumerateArray().ToList();
            Assert.True(schema.Value.TryGetProperty("description", out var description), schema.Name);
            var meanings = schema.Value.GetProperty("x-enum-descriptions").EnumerateArray()
                .Select(m => m.GetString()!).ToList();
            Assert.Equal(values.Count, meanings.Count);
            foreach (var (value, meaning) in values.Zip(meanings).Where(v => v.First.ValueKind == JsonValueKind.String))
            {
                Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}", meaning);
                Assert.Contains($"{value.GetString()}：{meaning}", description.GetString());
            }
        }
        Assert.Equal("Help：帮办；Agency：代办；FullService：包办",
            schemas.GetProperty("ServiceMode").GetProperty("description").GetString());
    }

    /// <summary>
    /// Handlers take the request context (user, database, clock, cancellation) as one [AsParameters] argument: none of
    /// its parts may leak into the contract as a query parameter or a request body.
    /// </summary>
    [Fact]
    public async Task TheRequestContext_IsNeitherAParameterNorABody()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        string[] parts = ["x", "user", "db", "clock", "cancellation"];

        var names = root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(op => op.Value.ValueKind == JsonValueKind.Object && op.Value.TryGetProperty("parameters", out _))
            .SelectMany(op => op.Value.GetProperty("parameters").EnumerateArray())
            .Select(p => p.GetProperty("name").GetString()!.ToLowerInvariant())
            .ToList();

        Assert.Contains("status", names); // ListStaffCases' query filter is still there
        Assert.DoesNotContain(names, parts.Contains);
        var schemas = root.GetProperty("components").GetProperty("schemas");
        Assert.False(schemas.TryGetProperty("RequestContext", out _));
        Assert.False(schemas.TryGetProperty("ClaimsPrincipal", out _));
    }

    /// <summary>
    /// The document's promise for an application, held against the server: each required field is refused when
    /// missing; the optional ones (contact, stages, the request text, the project's other facts) may be left out.
    /// </summary>
    [Fact]
    public async Task AnApplication_IsRefusedWithoutItsRequiredFields_AndAcceptedWithoutTheOthers()
    {
        var project = new { name = "海岸新材料研发楼", location = "乳山市经济开发区" };

        var items = new[] { "S3-03" };

        var noMode = await (await BoundUserAsync()).PostAsJsonAsync("/api/mp/cases", new { items, project });
        var noProject = await (await BoundUserAsync()).PostAsJsonAsync("/api/mp/cases", new { mode = "Agency", items });
        var noName = await (await BoundUserAsync()).PostAsJsonAsync("/api/mp/cases",
            new { mode = "Agency", items, project = new { location = "乳山市经济开发区" } });
        var minimal = await (await BoundUserAsync()).PostAsJsonAsync("/api/mp/cases",
            new { mode = "Agency", items, project });

        Assert.Contains("服务方式", await RefusalAsync(noMode));
        Assert.Contains("项目", await RefusalAsync(noProject));
        Assert.Contains("项目名称", await RefusalAsync(noName));
        Assert.Equal(HttpStatusCode.Created, minimal.StatusCode);
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response) =>
        (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity))
            .GetProperty("title").GetString()!;

    /// <summary>A new mini-program user bound (pending) to an enterprise of its own.</summary>
    private async Task<HttpClient> BoundUserAsync()
    {
        var user = await app.MiniProgramUserAsync($"oContract{Guid.NewGuid():N}"[..28]);
        var body = $"9137108{Random.Shared.Next(10_000_000, 99_999_999)}XY";
        var bound = await user.PostAsJsonAsync("/api/mp/enterprises", new
        {
            enterpriseName = "乳山市海岸新材料有限公司",
            creditCode = body + UnifiedSocialCreditCode.CheckCharacter(body),
            contactName = "孙海",
        });
        Assert.Equal(HttpStatusCode.OK, bound.StatusCode);
        return user;
    }
}
