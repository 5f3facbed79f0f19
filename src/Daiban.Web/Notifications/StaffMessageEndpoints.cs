using System.Security.Claims;
using Daiban.Core.Notifications;
using Daiban.Web.Cases;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Notifications;

/// <summary>A notice to a staff member, with its template values as one line (what, which case, when).</summary>
public sealed record StaffMessage(long Id, string Title, string Detail, long? CaseId, DateTimeOffset CreatedAt,
    bool Read);

public sealed record UnreadCount(int Unread);

/// <summary>
/// The staff member's own in-app list in the console: assignments, deadline reminders, escalations, digests. Without
/// it a notice the Official Account could not carry (not followed, no template configured) reached nobody.
/// </summary>
public static class StaffMessageEndpoints
{
    public static void MapStaffMessageEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff/me/messages").WithTags("Staff").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/", ListAsync).WithName("StaffMessages").WithSummary("我的站内消息（含公众号未能送达的通知）");
        g.MapGet("/unread-count", UnreadCountAsync).WithName("StaffUnreadMessages").WithSummary("未读站内消息数");
        g.MapPost("/{messageId:long}/read", MarkReadAsync)
            .WithName("MarkStaffMessageRead").WithSummary("标记一条站内消息已读");
        g.MapPost("/read-all", MarkAllReadAsync).WithName("MarkAllStaffMessagesRead").WithSummary("全部站内消息标记已读");
    }

    internal static async Task<Ok<List<StaffMessage>>> ListAsync([AsParameters] RequestContext x)
    {
        var rows = await InAppMessages.Latest(x.Db, RecipientKind.Staff, Me(x.User))
            .Select(n => new
            {
                n.Id, n.Title, n.DataJson, n.FieldsJson, n.CaseId, n.CreatedAt, Read = n.ReadAt != null,
            })
            .ToListAsync(x.Cancellation);
        return TypedResults.Ok(rows.Select(r => new StaffMessage(r.Id, r.Title,
            InAppMessages.Detail(r.FieldsJson, r.DataJson), r.CaseId, r.CreatedAt, r.Read)).ToList());
    }

    internal static async Task<Ok<UnreadCount>> UnreadCountAsync([AsParameters] RequestContext x) =>
        TypedResults.Ok(new UnreadCount(
            await InAppMessages.UnreadCountAsync(x.Db, RecipientKind.Staff, Me(x.User), x.Cancellation)));

    internal static async Task<Results<NoContent, NotFound>> MarkReadAsync(long messageId,
        [AsParameters] RequestContext x) =>
        await InAppMessages.MarkReadAsync(x.Db, RecipientKind.Staff, Me(x.User), messageId, x.Now, x.Cancellation)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    internal static async Task<Ok<MessagesRead>> MarkAllReadAsync([AsParameters] RequestContext x) =>
        TypedResults.Ok(new MessagesRead(
            await InAppMessages.MarkAllReadAsync(x.Db, RecipientKind.Staff, Me(x.User), x.Now, x.Cancellation)));

    private static long[] Me(ClaimsPrincipal user) => [user.StaffId()];
}
