using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Reminders;

/// <summary>
/// 限时办结: each running case item reminds its agent at T−3 and T−1 working days, on the due day and every working
/// day while overdue; after <see cref="ServiceRules.OverdueEscalationWorkingDays"/> the supervisors are told once.
/// Only items whose clock runs are read (the RunningDueOn index, one range scan up to the furthest reminder); a
/// paused clock has no running due date, so it reminds nobody, and a changed due date makes new keys, so the
/// reminders follow it. A run that was missed catches up with the reminder due now, never with a stale one.
/// </summary>
public static class ItemDeadlineReminders
{
    public const string Template = NoticeKeys.DeadlineReminder;
    public const string EscalationTemplate = NoticeKeys.DeadlineEscalation;

    public static async Task RunAsync(ReminderContext ctx, CancellationToken ct)
    {
        var thresholds = ctx.Rules.ItemReminderWorkingDays.Where(d => d > 0).Order().ToArray();
        var horizon = thresholds.Length == 0 ? 0 : thresholds[^1];
        var items = await ctx.Db.CaseItems.AsNoTracking().DueWithin(ctx.Calendar, ctx.Today, horizon)
            .Select(i => new { i.Id, i.CaseId, i.ItemName, Due = i.RunningDueOn!.Value }).ToListAsync(ct);
        var caseIds = items.Select(i => i.CaseId).Distinct().ToList();
        var cases = new Dictionary<long, (string Number, long? AgentId)>();
        foreach (var chunk in caseIds.Chunk(1000))
            foreach (var c in await ctx.Db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.CaseNumber, c.AgentId }).ToListAsync(ct))
                cases[c.Id] = (c.CaseNumber, c.AgentId);

        foreach (var item in items)
        {
            var (number, agentId) = cases[item.CaseId];
            string stage, status;
            if (item.Due >= ctx.Today)
            {
                var left = ctx.Calendar.WorkingDaysBetween(ctx.Today, item.Due);
                if (left == 0)
                    (stage, status) = ("due", "今日到期，请务必办结");
                else
                    (stage, status) = ($"t-{thresholds.First(t => left <= t)}", $"还剩{left}个工作日到期");
            }
            else
            {
                var late = ctx.Calendar.WorkingDaysBetween(item.Due, ctx.Today);
                (stage, status) = ($"overdue:{ctx.Today:yyyyMMdd}", $"已逾期{late}个工作日");
                if (late >= ctx.Rules.OverdueEscalationWorkingDays)
                    foreach (var supervisor in ctx.Staff.Supervisors)
                        ctx.ToStaff($"item:{item.Id}:{item.Due:yyyyMMdd}:escalated", supervisor, EscalationTemplate, $"事项逾期督办：{item.ItemName}",
                            Data(item.ItemName, number, item.Due, $"逾期{late}个工作日，请督办"), NoticeTarget.None, item.CaseId);
            }
            if (agentId is { } agent)
                ctx.ToStaff($"item:{item.Id}:{item.Due:yyyyMMdd}:{stage}", agent, Template, $"{item.ItemName}：{status}",
                    Data(item.ItemName, number, item.Due, status), NoticeTarget.AgentCase(item.CaseId), item.CaseId);
        }
    }

    private static NoticeFields Data(string item, string caseNumber, DateOnly due, string status) =>
        new() { ItemName = item, CaseNumber = caseNumber, Deadline = due, Summary = status };
}
