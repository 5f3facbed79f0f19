using Daiban.Core.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Daiban.Web.Platform;

/// <summary>The page a staff list is asked for (<c>?page=&amp;pageSize=</c>), bound with <c>[AsParameters]</c>.</summary>
/// <param name="Page">From 1, default 1.</param>
/// <param name="PageSize">1–200, default 200.</param>
public sealed record PageRequest(int? Page, int? PageSize)
{
    public PageSpec Spec() => PageSpec.Of(Page, PageSize);
}

/// <summary>
/// How every paged list answers: the body is the page, <c>X-Total-Count</c> how many match, and a
/// <c>Link: rel="next"</c> header names the same query one page on while more follow.
/// </summary>
public static class PageHeaders
{
    public static List<TOut> Write<T, TOut>(this HttpContext http, PageSpec spec, Page<T> page, Func<T, TOut> map)
    {
        http.Response.Headers["X-Total-Count"] = $"{page.Total}";
        if (spec.HasMore(page.Total))
        {
            var next = http.Request.Query.Where(q => !q.Key.Equals("page", StringComparison.OrdinalIgnoreCase))
                .Append(new KeyValuePair<string, StringValues>("page", $"{spec.Number + 1}"));
            var url = QueryHelpers.AddQueryString($"{http.Request.PathBase}{http.Request.Path}", next);
            http.Response.Headers.Link = $"<{url}>; rel=\"next\"";
        }
        return page.Rows.Select(map).ToList();
    }
}
