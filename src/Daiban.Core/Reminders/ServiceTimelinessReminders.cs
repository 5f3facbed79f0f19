using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Reminders;

/// <summary>
/// The service's own promptness (docs/architecture.md §10): the window registers an online application within
/// <see cref="ServiceRules.RegistrationWorkingDays"/>, the agent contacts the enterprise within
/// <see cref="ServiceRules.FirstContactWorkingDays"/> of assignment (a work log entry or any step of the case
/// counts), and proposes the 包办 plan within <see cref="ServiceRules.FullServicePlanWorkingDays"/>. On the due day the
/// one responsible is reminded; <see cref="ServiceRules.TimelinessEscalationWorkingDays"/> later the supervisors.
/// </summary>
public static class ServiceTimelinessReminders
{
    public const string Template = NoticeKeys.ServiceTimeliness;

    public static async Task RunAsync(ReminderContext ctx, CancellationToken ct)
    {
        var waiting = await ctx.Db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Submitted || c.Status == CaseStatus.Assigned)
            .Select(c => new { c.Id, c.CaseNumber, c.Status, c.Mode, c.SubmittedAt, c.AssignedAt, c.AgentId })
            .ToListAsync(ct);

        foreach (var c in waiting.Where(c => c.Status == CaseStatus.Submitted))
        {
            var due = ctx.Calendar.AddWorkingDays(ChinaTime.DateOf(c.SubmittedAt), ctx.Rules.RegistrationWorkingDays);
            Check(ctx, $"case:{c.CaseNumber}:register", due, ctx.Staff.Clerks, c.Id, c.CaseNumber,
                $"网上申请待登记，应于{ChinaTime.Display(due)}前登记", NoticeTarget.None);
        }

        var assigned = waiting.Where(c => c.Status == CaseStatus.Assigned && c.AssignedAt is not null && c.AgentId is not null).ToList();
        var ids = assigned.Select(c => c.Id).ToList();
        // Contact is shown by the agent's own log lines (system lines are written by every change, not by a call).
        var contacted = (await ctx.Db.LogEntries.AsNoTracking()
                .Where(l => ids.Contains(l.CaseId) && l.ActorKind == ActorKind.Staff && l.Kind != LogKind.System)
                .Select(l => new { l.CaseId, l.At }).ToListAsync(ct))
            .ToLookup(l => l.CaseId, l => l.At);
        foreach (var c in assigned)
        {
            var assignedOn = ChinaTime.DateOf(c.AssignedAt!.Value);
            var key = $"case:{c.CaseNumber}:a{c.AssignedAt.Value.ToUnixTimeSeconds()}";
            if (!contacted[c.Id].Any(at => at >= c.AssignedAt))
            {
                var due = ctx.Calendar.AddWorkingDays(assignedOn, ctx.Rules.FirstContactWorkingDays);
                Check(ctx, $"{key}:contact", due, [c.AgentId!.Value], c.Id, c.CaseNumber,
                    $"请于{ChinaTime.Display(due)}前联系企业并记录日志", NoticeTarget.AgentCase(c.Id));
            }
            if (c.Mode == ServiceMode.FullService)
            {
                var due = ctx.Calendar.AddWorkingDays(assignedOn, ctx.Rules.FullServicePlanWorkingDays);
                Check(ctx, $"{key}:plan", due, [c.AgentId!.Value], c.Id, c.CaseNumber,
                    $"包办服务方案应于{ChinaTime.Display(due)}前提交企业确认", NoticeTarget.AgentCase(c.Id));
            }
        }
    }

    private static void Check(ReminderContext ctx, string key, DateOnly due, IEnumerable<long> responsible, long caseId, string caseNumber, string what,
        NoticeTarget page)
    {
        if (ctx.Today < due)
            return;
        foreach (var staff in responsible)
            ctx.ToStaff($"{key}:remind", staff, Template, what, Data(caseNumber, what, ctx), page, caseId);
        var late = ctx.Calendar.WorkingDaysBetween(due, ctx.Today);
        if (late >= ctx.Rules.TimelinessEscalationWorkingDays)
            foreach (var supervisor in ctx.Staff.Supervisors)
                ctx.ToStaff($"{key}:escalated", supervisor, Template, $"督办：{what}", Data(caseNumber, $"已超时{late}个工作日：{what}", ctx),
                    NoticeTarget.None, caseId);
    }

    private static NoticeFields Data(string caseNumber, string what, ReminderContext ctx) =>
        new() { CaseNumber = caseNumber, Summary = what, At = ctx.Now };
}
