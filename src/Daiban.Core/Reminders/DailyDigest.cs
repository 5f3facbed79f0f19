using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Reminders;

/// <summary>
/// The agent's morning summary (08:30, working days): items due within three working days, items overdue, and cases
/// waiting on the enterprise (plan to agree, materials to supply). Nothing to say, nothing sent.
/// </summary>
public static class DailyDigest
{
    public const string Template = NoticeKeys.DailyDigest;
    private const int SoonWorkingDays = 3;

    public static async Task<int> RunAsync(ReminderContext ctx, CancellationToken ct)
    {
        var items = await ctx.Db.CaseItems.AsNoTracking().DueWithin(ctx.Calendar, ctx.Today, SoonWorkingDays)
            .Join(ctx.Db.Cases.Where(c => c.AgentId != null), i => i.CaseId, c => c.Id, (i, c) => new { c.AgentId, Due = i.RunningDueOn!.Value })
            .ToListAsync(ct);
        var waiting = await ctx.Db.Cases.AsNoTracking()
            .Where(c => c.AgentId != null && (c.Status == CaseStatus.PlanProposed || c.Status == CaseStatus.AwaitingMaterials))
            .GroupBy(c => c.AgentId).Select(g => new { AgentId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var agents = items.Select(i => i.AgentId).Concat(waiting.Select(w => w.AgentId)).OfType<long>().Distinct();
        var sent = 0;
        foreach (var agent in agents)
        {
            var soon = items.Count(i => i.AgentId == agent && i.Due >= ctx.Today);
            var overdue = items.Count(i => i.AgentId == agent && i.Due < ctx.Today);
            var wait = waiting.Where(w => w.AgentId == agent).Sum(w => w.Count);
            var summary = $"3个工作日内到期{soon}项，已逾期{overdue}项，待企业反馈{wait}件";
            ctx.ToStaff($"digest:{ctx.Today:yyyyMMdd}", agent, Template, $"今日工作提醒：{summary}",
                new NoticeFields { Summary = summary, Deadline = ctx.Today }, NoticeTarget.AgentCases, null);
            sent++;
        }
        return sent;
    }
}
