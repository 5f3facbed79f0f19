using System.Security.Claims;
using Daiban.WeChat.Auth;
using Daiban.WeChat.Shared;
using Microsoft.Extensions.Options;

namespace Daiban.WeChat.Chat;

/// <summary>
/// Questions per asker per minute, the minute starting at the asker's first question, counted in the shared store so
/// the limit holds for the whole cluster (Redis in production; behind a round-robin proxy a per-instance count would
/// allow as many times the limit as there are instances). If the store cannot be reached the question is answered:
/// the bot must not go down with Redis.
/// </summary>
public sealed class QuestionRateLimit(ISharedStore store, IOptions<ChatOptions> options, ILogger<QuestionRateLimit> logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>False when <paramref name="asker"/> has used up this minute's questions.</summary>
    public async Task<bool> TryTakeAsync(string asker)
    {
        try
        {
            return await store.IncrementAsync($"chat-rate:{asker}", Window) <= options.Value.QuestionsPerMinute;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The type only: Redis error messages name the key, which holds the asker's openid.
            logger.LogWarning("Question rate counter unavailable ({Error}); the question is answered unlimited", e.GetType().Name);
            return true;
        }
    }
}

/// <summary>Puts <see cref="QuestionRateLimit"/> in front of an endpoint: WeChat user when signed in, else the client address.</summary>
internal sealed class QuestionRateLimitFilter(QuestionRateLimit limit, IOptions<ChatOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var asker = http.User.FindFirstValue(DaibanClaims.OpenId) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await limit.TryTakeAsync(asker))
            return await next(context);
        http.Response.Headers.RetryAfter = ((int)QuestionRateLimit.Window.TotalSeconds).ToString();
        return TypedResults.Problem(title: "提问过于频繁，请一分钟后再试", detail: $"每分钟最多提问{options.Value.QuestionsPerMinute}次。",
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}
