using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Notifications;

/// <summary>
/// A user's subscribe-message choices, from either record of the popup: WeChat's push event (authoritative: each
/// accept is one message) or the mini-program's report of wx.requestSubscribeMessage's result, which counts only when
/// no push has counted the same popup within <see cref="SameChoice"/>.
/// </summary>
public static class SubscriptionConsent
{
    /// <summary>A push and a report this close together are the same popup.</summary>
    public static readonly TimeSpan SameChoice = TimeSpan.FromMinutes(2);

    public static async Task PushedAsync(DaibanDbContext db, string openId, string templateId, bool accepted, DateTimeOffset now, CancellationToken ct)
    {
        var quota = await QuotaAsync(db, openId, templateId, now, ct);
        if (accepted)
            quota.Grant(1, now);
        else
            quota.Revoke(now);
    }

    /// <summary>"accept", "reject", "ban" or "filter" (hidden by the user's settings: changes nothing).</summary>
    public static async Task ReportedAsync(DaibanDbContext db, string openId, string templateId, string choice, DateTimeOffset now, CancellationToken ct)
    {
        var quota = await QuotaAsync(db, openId, templateId, now, ct);
        switch (choice)
        {
            case "accept":
                quota.GrantReported(now, SameChoice);
                break;
            case "reject" or "ban":
                quota.Revoke(now);
                break;
        }
    }

    private static async Task<SubscriptionQuota> QuotaAsync(DaibanDbContext db, string openId, string templateId, DateTimeOffset now, CancellationToken ct)
    {
        var quota = db.SubscriptionQuotas.Local.FirstOrDefault(q => q.OpenId == openId && q.TemplateId == templateId)
                    ?? await db.SubscriptionQuotas.SingleOrDefaultAsync(q => q.OpenId == openId && q.TemplateId == templateId, ct);
        if (quota is null)
        {
            quota = new SubscriptionQuota(openId, templateId, now);
            db.SubscriptionQuotas.Add(quota);
        }
        return quota;
    }
}
