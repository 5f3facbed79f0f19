using System.Net;
using System.Text.Json;
using Daiban.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Platform;

[Collection(HostCollection.Name)]
public sealed class PipelineTests(ProductionLikeApp app)
{
    [Fact]
    public async Task UnknownRoute_Is404ProblemInChinese()
    {
        var response = await app.CreateClient().GetAsync("/api/nothing-here");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethod_Is405ProblemInChinese()
    {
        var response = await app.CreateClient().DeleteAsync("/api/catalog/stages");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task OpenApi_DescribesEveryMappedEndpoint()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths")
            .EnumerateObject().Select(p => p.Name).ToHashSet();

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // OpenAPI writes "{id}" for "{id:long}" and "{path}" for "{**path}", without a trailing slash.
            .Select(e => "/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.Trim('/'), @"\{\*{0,2}(\w+)(:[^}]+)?\}", "{$1}"))
            // The OpenAPI document itself and the Hangfire dashboard (a UI, not an API) are not described.
            .Where(r => !r.StartsWith("/openapi", StringComparison.Ordinal) && !r.StartsWith("/hangfire", StringComparison.Ordinal))
            .ToHashSet();

        Assert.NotEmpty(routes);
        Assert.Empty(routes.Except(paths));
    }
}
