using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Reminders;

/// <summary>
/// 事后评价 and 好差评: after delivery the enterprise is invited to evaluate, reminded once after
/// <see cref="ServiceRules.EvaluationReminderWorkingDays"/> if it has not, until the window closes. Every
/// 不满意/非常不满意 opens a rectification for a supervisor with a deadline and the mandatory callback (谁办理谁负责,
/// 100 % callback of bad reviews) in the evaluation's own transaction; a missed rectification deadline or callback
/// is escalated once.
/// </summary>
public static class EvaluationFollowUp
{
    public const string InviteTemplate = NoticeKeys.EvaluationInvite;
    public const string RectificationTemplate = NoticeKeys.RectificationDue;
    public const string CallbackTemplate = NoticeKeys.CallbackDue;

    private static readonly SatisfactionLevel[] Bad = [SatisfactionLevel.Dissatisfied, SatisfactionLevel.VeryDissatisfied];

    public static async Task RunAsync(ReminderContext ctx, CancellationToken ct)
    {
        await InviteAsync(ctx, ct);
        await OpenRectificationsAsync(ctx, ct);
        await EscalateMissedAsync(ctx, ct);
    }

    private static async Task InviteAsync(ReminderContext ctx, CancellationToken ct)
    {
        var delivered = await ctx.Db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Delivered && c.DeliveredAt != null && c.ApplicantContactId != null)
            .Select(c => new { c.Id, c.CaseNumber, c.ApplicantContactId, c.DeliveredAt, c.AgentName }).ToListAsync(ct);
        foreach (var c in delivered)
        {
            var deliveredOn = ChinaTime.DateOf(c.DeliveredAt!.Value);
            var closes = ctx.Calendar.AddWorkingDays(deliveredOn, ctx.Rules.EvaluationWindowWorkingDays);
            if (ctx.Today > closes)
                continue;
            var data = new NoticeFields
            {
                CaseNumber = c.CaseNumber, AgentName = c.AgentName ?? "代办员", Deadline = closes,
                Summary = "请对本次帮办代办服务进行评价",
            };
            var page = NoticeTarget.EnterpriseEvaluation(c.Id);
            ctx.ToContact($"case:{c.CaseNumber}:evaluation:invite", c.ApplicantContactId!.Value, InviteTemplate, "邀请您评价本次服务", data, page, c.Id);
            if (ctx.Calendar.WorkingDaysBetween(deliveredOn, ctx.Today) >= ctx.Rules.EvaluationReminderWorkingDays)
                ctx.ToContact($"case:{c.CaseNumber}:evaluation:reminder", c.ApplicantContactId!.Value, InviteTemplate,
                    $"评价将于{ChinaTime.Display(closes)}截止", data, page, c.Id);
        }
    }

    /// <summary>
    /// A bad review's follow-up at once: called by the evaluation request inside its transaction, after
    /// <see cref="Case.Evaluate"/>, it saves the evaluation (the rectification names it by id) and adds the
    /// rectification, the callback and the supervisor's notice, so all of it commits together or not at all. The
    /// sweep (<see cref="RunAsync"/>) still opens any a bad review lacks (evaluations recorded before this existed).
    /// </summary>
    public static async Task OpenForBadReviewAsync(DaibanDbContext db, Case c,
        ServiceRules rules, DateTimeOffset now, CancellationToken ct)
    {
        if (c.Evaluation is not { IsBad: true } evaluation)
            return;
        await db.SaveChangesAsync(ct);
        var ctx = await ReminderContext.CreateAsync(db, rules, now, ct);
        await OpenAsync(ctx, evaluation.Id, c.Id, evaluation.AgentId, evaluation.EvaluatedAt, ct);
        await ctx.FlushAsync(ct);
    }

    /// <summary>Each bad review gets one rectification and one callback (the unique EvaluationId index guarantees one even under a race).</summary>
    private static async Task OpenRectificationsAsync(ReminderContext ctx, CancellationToken ct)
    {
        var bad = await ctx.Db.Set<Evaluation>().AsNoTracking()
            .Where(e => Bad.Contains(e.Overall) && !ctx.Db.Rectifications.Any(r => r.EvaluationId == e.Id))
            .Select(e => new { e.Id, e.CaseId, e.AgentId, e.EvaluatedAt }).ToListAsync(ct);
        foreach (var e in bad)
            await OpenAsync(ctx, e.Id, e.CaseId, e.AgentId, e.EvaluatedAt, ct);
    }

    private static async Task OpenAsync(ReminderContext ctx, long evaluationId, long caseId, long? agentId,
        DateTimeOffset evaluatedAt,
        CancellationToken ct)
    {
        var supervisor = ctx.Staff.SupervisorFor(caseId);
        var deadline = ctx.Calendar.AddWorkingDays(ChinaTime.DateOf(evaluatedAt), ctx.Rules.RectificationWorkingDays);
        ctx.Db.Rectifications.Add(new Rectification(caseId, evaluationId, agentId, supervisor, deadline, ctx.Now));
        if (!await ctx.Db.Callbacks.AnyAsync(c => c.CaseId == caseId && c.Kind == CallbackKind.BadReview, ct))
            ctx.Db.Callbacks.Add(new Callback(caseId, CallbackKind.BadReview, supervisor, deadline, ctx.Now));
        if (supervisor is { } s)
            ctx.ToStaff($"evaluation:{evaluationId}:rectification", s, RectificationTemplate, "差评待整改并回访",
                new NoticeFields { Summary = "企业差评：请核实、整改并回访", Deadline = deadline }, NoticeTarget.None, caseId);
    }

    private static async Task EscalateMissedAsync(ReminderContext ctx, CancellationToken ct)
    {
        var rectifications = await ctx.Db.Rectifications.AsNoTracking()
            .Where(r => r.Status == RectificationStatus.Open && r.Deadline < ctx.Today).ToListAsync(ct);
        foreach (var r in rectifications)
            foreach (var supervisor in ctx.Staff.Supervisors)
                ctx.ToStaff($"rectification:{r.Id}:missed", supervisor, RectificationTemplate, "差评整改逾期",
                    new NoticeFields { Summary = "差评整改已逾期，请督办", Deadline = r.Deadline }, NoticeTarget.None, r.CaseId);

        var callbacks = await ctx.Db.Callbacks.AsNoTracking()
            .Where(c => c.Status == CallbackStatus.Due && c.DueOn < ctx.Today).ToListAsync(ct);
        foreach (var c in callbacks)
        {
            var to = c.AssigneeId is { } a ? [a] : ctx.Staff.Supervisors.ToList();
            foreach (var staff in to)
                ctx.ToStaff($"callback:{c.Id}:missed", staff, CallbackTemplate, "回访任务已逾期", new NoticeFields
                {
                    Summary = c.Kind == CallbackKind.BadReview ? "差评回访已逾期" : "抽查回访已逾期", Deadline = c.DueOn,
                }, NoticeTarget.None, c.CaseId);
        }
    }
}
