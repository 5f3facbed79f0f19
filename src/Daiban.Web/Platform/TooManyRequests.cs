using Daiban.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Daiban.Web.Platform;

public static class TooManyRequests
{
    /// <summary>The Chinese 429 a person can act on: what was limited and when to try again.</summary>
    public static ProblemHttpResult Problem(HttpContext http, UsageLimit limit, string title, string? detail = null)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(limit.Window.TotalSeconds)).ToString();
        return TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status429TooManyRequests);
    }
}
