using System.ComponentModel.DataAnnotations;
using Daiban.Core.Common;
using Daiban.Core.Notifications;
using Daiban.WeChat;
using Daiban.Web.Cases;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Notifications;

/// <summary>
/// wx.requestSubscribeMessage's result as the mini-program got it: template id → accept, reject, ban or filter.
/// </summary>
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
        var g = app.MapGroup("/api/mp/subscriptions").WithTags("Mini-program")
            .RequireAuthorization(DaibanClaims.MiniProgramPolicy);
        g.MapGet("/", ListAsync).WithName("MySubscriptions")
            .WithSummary("各类通知的订阅消息模板编号与我的剩余可接收次数（小程序据此请求订阅）");
        g.MapPost("/", ReportAsync).WithName("ReportSubscriptions")
            .WithSummary("记录订阅消息授权结果（wx.requestSubscribeMessage 的返回）");
    }

    internal static async Task<Ok<List<SubscriptionState>>> ListAsync(IOptions<WeChatOptions> options,
        [AsParameters] RequestContext x)
    {
        var openId = x.User.OpenId();
        var quotas = await x.Db.SubscriptionQuotas.AsNoTracking().Where(q => q.OpenId == openId)
            .ToListAsync(x.Cancellation);
        return TypedResults.Ok(Subscribable(options.Value).Select(t => new SubscriptionState(t.Key, t.Id,
            quotas.FirstOrDefault(q => q.TemplateId == t.Id)?.Remaining ?? 0)).ToList());
    }

    internal static async Task<Ok<List<SubscriptionState>>> ReportAsync(SubscriptionReport report,
        IOptions<WeChatOptions> options, [AsParameters] RequestContext x)
    {
        var results = report.Results ?? throw DomainRuleException.Invalid("subscription.results", "请提交订阅结果。");
        var known = Subscribable(options.Value).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var reported = results.Where(r => known.Contains(r.Key)).ToList();
        await SubscriptionConsent.ReportedAsync(x.Db, x.User.OpenId(), reported, x.Now, x.Cancellation);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return await ListAsync(options, x);
    }

    /// <summary>The enterprise notices with a template: the ids the mini-program asks consent for.</summary>
    private static IEnumerable<(string Key, string Id)> Subscribable(WeChatOptions options)
    {
        foreach (var key in NoticeKeys.ToEnterprises)
            if (options.Templates.TryGet(key, out var id))
                yield return (key, id);
    }
}
