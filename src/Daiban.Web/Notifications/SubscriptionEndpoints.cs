using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Daiban.Core.Common;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.WeChat;
using Daiban.Web.Cases;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Notifications;

/// <summary>wx.requestSubscribeMessage's result as the mini-program got it: template id → accept, reject, ban or filter.</summary>
public sealed record SubscriptionReport([property: Required] Dictionary<string, string>? Results);

public sealed record SubscriptionState(string TemplateKey, string TemplateId, int Remaining);

/// <summary>
/// Subscription consent per template. WeChat's push event is the first record of a choice; the mini-program's own
/// report covers a deployment whose push is not set up (or is late), without counting one acceptance twice.
/// Only the templates Daiban uses are recorded.
/// </summary>
public static class SubscriptionEndpoints
{
    public static void MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/mp/subscriptions").WithTags("Mini-program").RequireAuthorization(DaibanClaims.MiniProgramPolicy);
        g.MapGet("/", ListAsync).WithName("MySubscriptions").WithSummary("我对各类通知的订阅（剩余可接收次数）");
        g.MapPost("/", ReportAsync).WithName("ReportSubscriptions").WithSummary("记录订阅消息授权结果（wx.requestSubscribeMessage 的返回）");
    }

    internal static async Task<Ok<List<SubscriptionState>>> ListAsync(ClaimsPrincipal user, DaibanDbContext db, IOptions<WeChatOptions> options, CancellationToken ct)
    {
        var templates = options.Value.Templates;
        var quotas = await db.SubscriptionQuotas.AsNoTracking().Where(q => q.OpenId == user.OpenId()).ToListAsync(ct);
        return TypedResults.Ok(templates.Select(t => new SubscriptionState(t.Key, t.Value, quotas.FirstOrDefault(q => q.TemplateId == t.Value)?.Remaining ?? 0)).ToList());
    }

    internal static async Task<Ok<List<SubscriptionState>>> ReportAsync(SubscriptionReport report, ClaimsPrincipal user, DaibanDbContext db, IOptions<WeChatOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var results = report.Results ?? throw DomainRuleException.Invalid("subscription.results", "请提交订阅结果。");
        var known = options.Value.Templates.Values.ToHashSet(StringComparer.Ordinal);
        var openId = user.OpenId();
        var now = clock.GetUtcNow();
        await SubscriptionConsent.ReportedAsync(db, openId, results.Where(r => known.Contains(r.Key)).ToList(), now, ct);
        await db.SaveChangesAsync(ct);
        return await ListAsync(user, db, options, ct);
    }
}
