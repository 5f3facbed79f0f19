using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Notifications;

/// <summary>
/// A user's subscribe-message choices, from either record of the popup: WeChat's push event (authoritative: each
/// accept is one message) or the mini-program's report of wx.requestSubscribeMessage's result, which counts only when
/// no push has counted the same popup within <see cref="SameChoice"/>. Choices come in sets (a popup offers several
/// templates, and pushes are worked in batches), so each set loads its quotas in one query.
/// </summary>
public static class SubscriptionConsent
{
    /// <summary>A push and a report this close together are the same popup.</summary>
    public static readonly TimeSpan SameChoice = TimeSpan.FromMinutes(2);

    /// <summary>One template's choice in a pushed popup or settings change.</summary>
    public sealed record PushedChoice(string OpenId, string TemplateId, bool Accepted);

    /// <summary>Applied in the order given: an accept then a reject of the same template ends with none left.</summary>
    public static async Task PushedAsync(DaibanDbContext db, IReadOnlyCollection<PushedChoice> choices, DateTimeOffset now, CancellationToken ct)
    {
        var quotas = await QuotasAsync(db, choices.Select(c => (c.OpenId, c.TemplateId)), now, ct);
        foreach (var choice in choices)
        {
            var quota = quotas[(choice.OpenId, choice.TemplateId)];
            if (choice.Accepted)
                quota.Grant(1, now);
            else
                quota.Revoke(now);
        }
    }

    /// <summary>Each choice is "accept", "reject", "ban" or "filter" (hidden by the user's settings: changes nothing).</summary>
    public static async Task ReportedAsync(DaibanDbContext db, string openId, IReadOnlyCollection<KeyValuePair<string, string>> choices, DateTimeOffset now,
        CancellationToken ct)
    {
        var quotas = await QuotasAsync(db, choices.Select(c => (openId, c.Key)), now, ct);
        foreach (var (templateId, choice) in choices)
        {
            var quota = quotas[(openId, templateId)];
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
    }

    /// <summary>The quota of every (user, template) pair, created where none exists yet; one query for the set.</summary>
    private static async Task<Dictionary<(string OpenId, string TemplateId), SubscriptionQuota>> QuotasAsync(DaibanDbContext db,
        IEnumerable<(string OpenId, string TemplateId)> pairs, DateTimeOffset now, CancellationToken ct)
    {
        var wanted = pairs.ToHashSet();
        if (wanted.Count == 0)
            return [];
        var openIds = wanted.Select(p => p.OpenId).Distinct().ToList();
        var templateIds = wanted.Select(p => p.TemplateId).Distinct().ToList();
        // Users × templates may fetch a few rows not asked for (templates are a handful); they are dropped here.
        var stored = await db.SubscriptionQuotas.Where(q => openIds.Contains(q.OpenId) && templateIds.Contains(q.TemplateId)).ToListAsync(ct);
        // Quotas added to this unit of work and not yet saved are not in the database: take them, do not add twice.
        var quotas = stored.Concat(db.SubscriptionQuotas.Local.Where(q => q.Id == 0))
            .Where(q => wanted.Contains((q.OpenId, q.TemplateId)))
            .DistinctBy(q => (q.OpenId, q.TemplateId))
            .ToDictionary(q => (q.OpenId, q.TemplateId));
        foreach (var pair in wanted.Where(p => !quotas.ContainsKey(p)))
        {
            var quota = new SubscriptionQuota(pair.OpenId, pair.TemplateId, now);
            db.SubscriptionQuotas.Add(quota);
            quotas[pair] = quota;
        }
        return quotas;
    }
}
