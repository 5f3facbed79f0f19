using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Reminders;

/// <summary>
/// Supplementary materials the enterprise was asked for (AwaitingMaterials) and has not supplied within
/// <see cref="ServiceRules.MaterialsSupplyWorkingDays"/>: the applicant contact is reminded once per request, and
/// the agent told, so the case does not wait in silence.
/// </summary>
public static class MaterialsReminders
{
    public const string Template = NoticeKeys.MaterialsNeeded;

    public static async Task RunAsync(ReminderContext ctx, CancellationToken ct)
    {
        var waiting = await ctx.Db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.AwaitingMaterials)
            .Select(c => new
            {
                c.Id, c.CaseNumber, c.ApplicantContactId, c.AgentId,
                RequestedAt = c.Transitions.Where(t => t.To == CaseStatus.AwaitingMaterials).Max(t => (DateTimeOffset?)t.At),
            })
            .ToListAsync(ct);
        foreach (var c in waiting.Where(c => c.RequestedAt is not null))
        {
            var due = ctx.Calendar.AddWorkingDays(ChinaTime.DateOf(c.RequestedAt!.Value), ctx.Rules.MaterialsSupplyWorkingDays);
            if (ctx.Today <= due)
                continue;
            var key = $"case:{c.CaseNumber}:materials:{c.RequestedAt.Value.ToUnixTimeSeconds()}:overdue";
            var text = $"补充材料已于{ChinaTime.Display(due)}到期，请尽快提交";
            if (c.ApplicantContactId is { } contact)
                ctx.ToContact(key, contact, Template, "请尽快补充材料",
                    new NoticeFields { CaseNumber = c.CaseNumber, Summary = text, At = ctx.Now },
                    NoticeTarget.EnterpriseCase(c.Id), c.Id);
            if (c.AgentId is { } agent)
                ctx.ToStaff(key, agent, ServiceTimelinessReminders.Template, $"企业补充材料逾期：{c.CaseNumber}",
                    new NoticeFields { CaseNumber = c.CaseNumber, Summary = "企业补充材料已逾期，请联系企业", At = ctx.Now },
                    NoticeTarget.AgentCase(c.Id), c.Id);
        }
    }
}
