using Daiban.Core.Common;
using Daiban.Core.Calendar;
using Daiban.Core.DifficultIssues;
using Daiban.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Reminders;

/// <summary>
/// 难点问题工作台账: the responsible liaison (or, when none is named, the department's liaisons) is reminded
/// <see cref="ServiceRules.IssueReminderWorkingDays"/> before the deadline and on the day; a missed deadline goes to
/// the supervisors once. Read through the (Status, Deadline) index.
/// </summary>
public static class LedgerReminders
{
    public const string Template = NoticeKeys.LedgerReminder;

    public static async Task RunAsync(ReminderContext ctx, CancellationToken ct)
    {
        var horizon = ctx.Calendar.AddWorkingDays(ctx.Today, ctx.Rules.IssueReminderWorkingDays);
        var issues = await ctx.Db.DifficultIssues.AsNoTracking()
            .Where(i => (i.Status == IssueStatus.Open || i.Status == IssueStatus.InProgress) && i.Deadline <= horizon)
            .ToListAsync(ct);
        foreach (var issue in issues)
        {
            var liaisons = issue.LiaisonId is { } id ? [id] : ctx.Staff.LiaisonsOf(issue.ResponsibleDepartment).ToList();
            var key = $"issue:{issue.Id}:{issue.Deadline:yyyyMMdd}";
            var excerpt = Text.Excerpt(issue.Description, 20);
            if (issue.Deadline >= ctx.Today)
            {
                var stage = issue.Deadline == ctx.Today ? "due" : "before";
                var status = issue.Deadline == ctx.Today ? "今日到期" : $"将于{ChinaTime.Display(issue.Deadline)}到期";
                foreach (var liaison in liaisons)
                    ctx.ToStaff($"{key}:{stage}", liaison, Template, $"难点问题{status}：{excerpt}",
                        Data(excerpt, issue.Deadline, status), NoticeTarget.None, issue.CaseId);
            }
            else
            {
                foreach (var supervisor in ctx.Staff.Supervisors)
                    ctx.ToStaff($"{key}:missed", supervisor, Template, $"难点问题逾期未解决：{excerpt}",
                        Data(excerpt, issue.Deadline, $"{issue.ResponsibleDepartment}逾期未解决，请督办"), NoticeTarget.None,
                        issue.CaseId);
            }
        }
    }

    private static NoticeFields Data(string issue, DateOnly deadline, string status) =>
        new() { Subject = issue, Deadline = deadline, Summary = status };
}
