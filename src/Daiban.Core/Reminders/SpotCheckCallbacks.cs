using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Supervision;
using Daiban.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Reminders;

/// <summary>
/// 抽查回访: once a week, a share (<see cref="ServiceRules.SpotCheckShare"/>) of the cases delivered in the past seven
/// days becomes callback tasks for the supervisors, spread over them in turn, due in
/// <see cref="ServiceRules.CallbackWorkingDays"/>. The draw is a fixed function of case and week, so running the job
/// twice draws the same cases and a case never gets two spot checks. Bad reviews have their own callback already.
/// </summary>
public static class SpotCheckCallbacks
{
    private static readonly CaseStatus[] Completed = [CaseStatus.Delivered, CaseStatus.Evaluated, CaseStatus.Archived];

    public static async Task<int> RunAsync(ReminderContext ctx, CancellationToken ct)
    {
        var from = ctx.Now.AddDays(-7);
        var delivered = await ctx.Db.Cases.AsNoTracking()
            .Where(c => Completed.Contains(c.Status) && c.DeliveredAt >= from && c.DeliveredAt < ctx.Now)
            .Select(c => c.Id).ToListAsync(ct);
        var week = ctx.Today.DayNumber / 7;
        var drawn = delivered.Where(id => Drawn(id, week, ctx.Rules.SpotCheckShare)).ToList();
        var existing = await ctx.Db.Callbacks.Where(c => drawn.Contains(c.CaseId) && c.Kind == CallbackKind.SpotCheck).Select(c => c.CaseId).ToListAsync(ct);
        var due = ctx.Calendar.AddWorkingDays(ctx.Today, ctx.Rules.CallbackWorkingDays);
        var created = 0;
        foreach (var caseId in drawn.Except(existing))
        {
            var supervisor = ctx.Staff.SupervisorFor(caseId);
            ctx.Db.Callbacks.Add(new Callback(caseId, CallbackKind.SpotCheck, supervisor, due, ctx.Now));
            created++;
            if (supervisor is { } s)
                ctx.ToStaff($"case:{caseId}:spot-check", s, EvaluationFollowUp.CallbackTemplate, "新的抽查回访任务",
                    new NoticeFields { Summary = "抽查回访：请电话回访企业并记录结果", Deadline = due }, NoticeTarget.None, caseId);
        }
        return created;
    }

    /// <summary>A uniform, reproducible draw: the case id and the week mixed by a multiplicative hash.</summary>
    public static bool Drawn(long caseId, int week, double share)
    {
        var x = (ulong)caseId * 0x9E3779B97F4A7C15UL ^ (ulong)week * 0xBF58476D1CE4E5B9UL;
        x ^= x >> 31;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 29;
        return (x % 10_000) < (ulong)Math.Round(share * 10_000);
    }
}
