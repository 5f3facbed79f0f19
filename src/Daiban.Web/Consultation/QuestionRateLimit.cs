using System.Security.Claims;
using Daiban.Core.Common;
using Daiban.Web.Cases;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Consultation;

/// <summary>
/// Puts the chat question limit in front of an endpoint: questions per asker per minute (WeChat user when signed in,
/// else the client address), for the whole cluster. If the store cannot be reached the question is answered.
/// </summary>
internal sealed class QuestionRateLimitFilter(UsageLimits limits, IOptions<ChatOptions> options) : IEndpointFilter
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var asker = http.User.FindFirstValue(DaibanClaims.OpenId) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var limit = new UsageLimit("chat", options.Value.QuestionsPerMinute, Window, OpenWhenStoreDown: true);
        if (await limits.TryTakeAsync(limit, asker))
            return await next(context);
        return TooManyRequests.Problem(http, limit, "提问过于频繁，请一分钟后再试", $"每分钟最多提问{options.Value.QuestionsPerMinute}次。");
    }
}
