using Daiban.Core.Consultation;
using Daiban.Core.Staff;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Consultation;

/// <summary>
/// Handed-off consultations: the window sees the queue and every conversation and assigns them, an agent sees the
/// ones handed to it with the whole transcript and replies. To anyone else a conversation does not exist (404).
/// </summary>
public static class ConsultationEndpoints
{
    public static void MapConsultationEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff/consultations").WithTags("Consultations")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/", ListAsync).WithName("ListConsultations").WithSummary("转人工的咨询（窗口看全部，代办员看自己的）");
        g.MapGet("/{id:long}", GetAsync).WithName("GetConsultation").WithSummary("咨询的完整对话记录");
        g.MapPost("/{id:long}/replies", ReplyAsync).WithName("ReplyConsultation")
            .WithSummary("回复咨询（48小时内经微信客服消息送达）");
        g.MapPost("/{id:long}/assignment", AssignAsync).WithName("AssignConsultation").WithSummary("指派咨询给代办员")
            .RequireAuthorization(StaffPolicies.Window);
        g.MapPost("/{id:long}/close", CloseAsync).WithName("CloseConsultation").WithSummary("结束人工咨询");
    }

    internal static async Task<Ok<List<ConversationSummary>>> ListAsync(string? status, [AsParameters] RequestContext x)
    {
        var query = x.Db.Conversations.AsNoTracking().Where(c => c.Status != ConversationStatus.Bot);
        if (Enum.TryParse<ConversationStatus>(status, true, out var s))
            query = query.Where(c => c.Status == s);
        if (!x.User.SeesAllCases())
        {
            var me = x.User.StaffId();
            query = query.Where(c => c.AgentId == me);
        }
        var list = await query.OrderByDescending(c => c.LastUserMessageAt).Take(200).ToListAsync(x.Cancellation);
        return TypedResults.Ok(list.Select(c => new ConversationSummary(c.Id, c.Channel.ToString(), c.Status.ToString(),
            c.AgentId, c.AgentName, c.HandoffReason, c.HandedOffAt, c.LastUserMessageAt)).ToList());
    }

    internal static async Task<Results<Ok<ConversationView>, NotFound>> GetAsync(long id,
        [AsParameters] RequestContext x)
    {
        var c = await x.Db.Conversations.AsNoTracking().Include(k => k.Messages)
            .SingleOrDefaultAsync(k => k.Id == id, x.Cancellation);
        if (c is null || c.Status == ConversationStatus.Bot || !x.User.MaySeeCase(c.AgentId))
            return TypedResults.NotFound();
        return TypedResults.Ok(View(c, x.Now));
    }

    internal static async Task<Results<Ok<ChatMessageView>, NotFound>> ReplyAsync(long id, ReplyRequest request,
        ConsultationDesk desk, [AsParameters] RequestContext x)
    {
        var c = await x.Db.Conversations.SingleOrDefaultAsync(k => k.Id == id, x.Cancellation);
        // The assigned agent answers; the window may answer what waits in its queue or anything it took over.
        if (c is null || !x.User.WorksCaseOrWindow(c.AgentId))
            return TypedResults.NotFound();
        var reply = await desk.ReplyAsync(c, x.User.StaffActor(), request.Text ?? "", x.Cancellation);
        return TypedResults.Ok(ChatMessageView.From(reply));
    }

    internal static async Task<Results<NoContent, NotFound>> AssignAsync(long id, AssignConversationRequest request,
        ConsultationDesk desk, [AsParameters] RequestContext x)
    {
        var c = await x.Db.Conversations.SingleOrDefaultAsync(k => k.Id == id, x.Cancellation);
        if (c is null)
            return TypedResults.NotFound();
        await desk.AssignAsync(c, request.AgentId ?? 0, x.Cancellation);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, NotFound>> CloseAsync(long id, ConsultationDesk desk,
        [AsParameters] RequestContext x)
    {
        var c = await x.Db.Conversations.SingleOrDefaultAsync(k => k.Id == id, x.Cancellation);
        if (c is null || !x.User.WorksCaseOrWindow(c.AgentId))
            return TypedResults.NotFound();
        await desk.CloseAsync(c, x.Cancellation);
        return TypedResults.NoContent();
    }

    private static ConversationView View(Conversation c, DateTimeOffset now) => new(c.Id, c.Channel.ToString(),
        c.Status.ToString(), c.AgentName, c.HandoffReason, c.HandedOffAt, c.LastUserMessageAt,
        c.CanSendCustomerService(now), c.Messages.OrderBy(m => m.Id).Select(ChatMessageView.From).ToList());
}
