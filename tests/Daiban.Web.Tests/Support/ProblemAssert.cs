using System.Net;
using System.Text.Json;

namespace Daiban.Web.Tests.Support;

public static class ProblemAssert
{
    /// <summary>A success response, read as <typeparamref name="T"/>; on failure the assertion shows the problem body.</summary>
    public static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<T>(response.Content, TestJson.Options))!;
    }

    /// <summary>An RFC 9457 problem with the expected status and a Chinese title a person can act on.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        var title = body.GetProperty("title").GetString()!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", title);
        Assert.DoesNotMatch("[A-Za-z]{5,}", title);
        return body;
    }
}
