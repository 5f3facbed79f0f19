using System.Security.Claims;
using Daiban.Core.Consultation;
using Daiban.Core.Persistence;
using Daiban.WeChat.Api;
using Daiban.Web.Cases;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Consultation;

/// <summary>
/// The bot's HTTP channel (a stable contract: README, Consultation bot). Anonymous askers get a session id and read
/// their transcript with it; a mini-program user (bearer token) keeps one conversation and may ask about its own
/// cases.
/// </summary>
public static class ChatEndpoints
{
    /// <summary>
    /// The ask body's cap: a 500-character question is 1.5 KB as UTF-8 (3 KB \u-escaped) plus a session id.
    /// Anonymous, so without a cap anyone could make every instance parse 25 MB documents.
    /// </summary>
    public const int MaxAskBodyBytes = 8 * 1024;

    public static void MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/chat").WithTags("Chat");
        g.MapPost("/ask", AskAsync).AllowAnonymous().WithMaxRequestBody(MaxAskBodyBytes)
            .AddEndpointFilter<QuestionRateLimitFilter>()
            .WithName("Ask").WithSummary("向咨询机器人提问（可匿名；登录的小程序用户可查询自己的案件进度）");
        g.MapGet("/sessions/{sessionId}/messages", SessionMessagesAsync).AllowAnonymous()
            .WithName("SessionMessages").WithSummary("匿名会话的对话记录（含代办员回复）");
        app.MapGet("/api/mp/chat/messages", MyMessagesAsync).RequireAuthorization(DaibanClaims.MiniProgramPolicy)
            .WithTags("Mini-program").WithName("MyChat").WithSummary("我的咨询对话记录（含代办员回复）");
        app.MapGet("/api/mp/chat", MyChatAsync).RequireAuthorization(DaibanClaims.MiniProgramPolicy)
            .WithTags("Mini-program").WithName("MyChatState")
            .WithSummary("我的咨询：是否已转人工、接手的代办员和最近的对话");
    }

    internal static async Task<Ok<AskResponse>> AskAsync(AskRequest request, IConsultationBot bot, ContentCheck check,
        [AsParameters] RequestContext x)
    {
        var (user, ct) = (x.User, x.Cancellation);
        var openId = user.FindFirstValue(DaibanClaims.Kind) == DaibanClaims.MiniProgramUser ? user.OpenId() : null;
        var asker = openId is null
            ? new Asker(ConversationChannel.Web, null, request.SessionId)
            : new Asker(ConversationChannel.MiniProgram, openId);
        if (request.Question is { } q && !await check.PassesAsync(q, openId, ct))
            return TypedResults.Ok(new AskResponse(ContentCheck.RefusedText, false, BotIntents.Refused, [],
                openId ?? request.SessionId ?? "", nameof(ConversationStatus.Bot), null));
        return TypedResults.Ok(AskResponse.From(await bot.AskAsync(request.Question ?? "", asker, ct)));
    }

    internal static async Task<Results<Ok<List<ChatMessageView>>, NotFound>> SessionMessagesAsync(string sessionId,
        long? after, [AsParameters] RequestContext x) =>
        await MessagesAsync(x.Db, $"web:{sessionId}", after, x.Cancellation) is { } messages
            ? TypedResults.Ok(messages)
            : TypedResults.NotFound();

    internal static async Task<Ok<List<ChatMessageView>>> MyMessagesAsync(long? after,
        [AsParameters] RequestContext x) =>
        TypedResults.Ok(await MessagesAsync(x.Db, $"mp:{x.User.OpenId()}", after, x.Cancellation) ?? []);

    internal static async Task<Ok<MyChatView>> MyChatAsync([AsParameters] RequestContext x)
    {
        var key = $"mp:{x.User.OpenId()}";
        var state = await x.Db.Conversations.AsNoTracking().Where(c => c.Key == key)
            .Select(c => new { c.Id, c.Status, c.AgentName }).SingleOrDefaultAsync(x.Cancellation);
        var messages = state is null ? [] : await MessagesOfAsync(x.Db, state.Id, null, x.Cancellation);
        return TypedResults.Ok(new MyChatView((state?.Status ?? ConversationStatus.Bot).ToString(), state?.AgentName,
            messages));
    }

    /// <summary>
    /// The transcript, or only what came after message <paramref name="after"/> (the chat page polls with it); a
    /// person's reply carries the name of who wrote it.
    /// </summary>
    private static async Task<List<ChatMessageView>?> MessagesAsync(DaibanDbContext db, string key, long? after,
        CancellationToken ct)
    {
        var id = await db.Conversations.Where(c => c.Key == key).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct);
        return id is { } found ? await MessagesOfAsync(db, found, after, ct) : null;
    }

    private static async Task<List<ChatMessageView>> MessagesOfAsync(DaibanDbContext db, long id, long? after,
        CancellationToken ct)
    {
        var query = db.Set<ConversationMessage>().Where(m => m.ConversationId == id && m.Id > (after ?? 0));
        // The whole transcript is its latest 200 messages (a reopened page shows the newest); a poll, what is new.
        var messages = after is null
            ? (await query.OrderByDescending(m => m.Id).Take(200).ToListAsync(ct)).OrderBy(m => m.Id).ToList()
            : await query.OrderBy(m => m.Id).Take(200).ToListAsync(ct);
        var staffIds = messages.Select(m => m.StaffId).OfType<long>().Distinct().ToList();
        // Polled every 10 s by each open chat page: no second query when no person has replied.
        var names = staffIds.Count == 0
            ? []
            : await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id))
                .ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        return messages.Select(m => ChatMessageView.From(m) with
        {
            AuthorName = m.StaffId is { } staff ? names.GetValueOrDefault(staff) : null,
        }).ToList();
    }
}
