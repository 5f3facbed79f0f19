using Daiban.Core.Calendar;
using Daiban.Core.Common;
using Daiban.Core.Staff;

namespace Daiban.Core.Cases;

/// <summary>A step staff may take on a whole case; the console shows exactly the ones the case's state allows.</summary>
public enum CaseStep
{
    Register,
    Assign,
    Reject,
    RecordWithdrawal,
    SettleScope,
    Start,
    ProposePlan,
    RequestMaterials,
    MaterialsReceived,
    ResultsReady,
    DeliverByMail,
    DeliverInPerson,
    Archive,
    WriteLog,
    ReceiveMaterial,
    MailPapersBack,
}

/// <summary>A step on one approval item, as the item endpoint names it (prepare, submit, …).</summary>
public enum ItemStep
{
    Prepare,
    Submit,
    Supplement,
    Approve,
    Refuse,
    Pause,
    Resume,
}

public static class CaseStepNames
{
    public static string Name(this CaseStep step) => step switch
    {
        CaseStep.Register => "登记",
        CaseStep.Assign => "指派代办员",
        CaseStep.Reject => "不予受理",
        CaseStep.RecordWithdrawal => "登记企业撤回",
        CaseStep.SettleScope => "确定办理事项",
        CaseStep.Start => "开始办理",
        CaseStep.ProposePlan => "提交服务方案",
        CaseStep.RequestMaterials => "一次性告知补充材料",
        CaseStep.MaterialsReceived => "材料已补齐",
        CaseStep.ResultsReady => "全部办结，待送达",
        CaseStep.DeliverByMail => "邮寄送达",
        CaseStep.DeliverInPerson => "当面送达",
        CaseStep.Archive => "整理归档",
        CaseStep.WriteLog => "记录日志",
        CaseStep.ReceiveMaterial => "登记收到材料",
        CaseStep.MailPapersBack => "登记寄回企业",
        _ => step.ToString(),
    };

    public static string Name(this ItemStep step) => step switch
    {
        ItemStep.Prepare => "准备材料",
        ItemStep.Submit => "报送受理",
        ItemStep.Supplement => "部门要求补正",
        ItemStep.Approve => "批准",
        ItemStep.Refuse => "不予批准",
        ItemStep.Pause => "暂停计时",
        ItemStep.Resume => "恢复计时",
        _ => step.ToString(),
    };
}

/// <summary>What a case's state lets a staff member do now, and what the case waits for, worded for that member.</summary>
/// <param name="EvaluationOpenUntil">The last day the enterprise may still evaluate a delivered case, while that is
/// today or later: archiving before then takes the evaluation away.</param>
public sealed record CaseWork(IReadOnlyList<CaseStep> Steps, IReadOnlyDictionary<string, IReadOnlyList<ItemStep>> ItemSteps,
    string NextStep, DateOnly? NextDueOn, int? WorkingDaysLeft, DateOnly? EvaluationOpenUntil);

/// <summary>
/// Reads the transition tables (<see cref="CaseStatuses.Table"/>, <see cref="CaseItemStatuses.Table"/>) and the
/// aggregate's own preconditions so a page never decides by itself which buttons a state allows. Every step listed
/// here is one the case's methods accept from this member; a step not listed would be refused.
/// </summary>
public static class CaseWorkflow
{
    public static CaseWork For(Case c, StaffPowers who, BusinessCalendar calendar, int evaluationWindowWorkingDays,
        DateOnly today)
    {
        var works = c.AgentId is not null && who.WorksCase(c.AgentId);
        var window = who.Has(StaffRoles.WindowClerk) || who.Has(StaffRoles.Admin);
        var steps = new List<CaseStep>();
        if (window)
            steps.AddRange(WindowSteps(c));
        var itemSteps = new Dictionary<string, IReadOnlyList<ItemStep>>();
        if (works)
        {
            steps.AddRange(AgentSteps(c));
            foreach (var item in c.Items)
                itemSteps[item.ItemCode] = ItemSteps(c, item);
        }
        var nextDue = c.NextDueOn;
        int? left = nextDue is { } due ? calendar.WorkingDaysLeft(due, today) : null;
        var evaluationUntil = EvaluationOpenUntil(c, calendar, evaluationWindowWorkingDays, today);
        return new CaseWork(steps.Distinct().ToList(), itemSteps, NextStep(c, works, window, evaluationUntil, today), nextDue, left,
            evaluationUntil);
    }

    private static IEnumerable<CaseStep> WindowSteps(Case c)
    {
        if (Allowed(c, CaseStatus.Registered))
            yield return CaseStep.Register;
        if (c.Status == CaseStatus.Registered)
            yield return CaseStep.Assign;
        if (Allowed(c, CaseStatus.Rejected))
            yield return CaseStep.Reject;
        if (c.CanBeWithdrawn)
            yield return CaseStep.RecordWithdrawal;
        // The window closes a delivered file too (五.5).
        if (Allowed(c, CaseStatus.Archived))
            yield return CaseStep.Archive;
    }

    private static IEnumerable<CaseStep> AgentSteps(Case c)
    {
        // Nothing is started or planned before the approvals the enterprise left open are settled.
        if (c.ScopeToSettle && c.Status.IsOpen() && c.Status != CaseStatus.Submitted)
            yield return CaseStep.SettleScope;
        // 开始办理 moves into InProgress; from AwaitingMaterials that move is 材料已补齐, listed apart.
        if (!c.ScopeToSettle && c.Status != CaseStatus.AwaitingMaterials
                             && CaseStatuses.IsAllowed(c.Mode, c.Status, CaseStatus.InProgress))
            yield return CaseStep.Start;
        // A pending proposal may be replaced by a newer one (ProposePlan).
        if (!c.ScopeToSettle && (c.Status == CaseStatus.PlanProposed || Allowed(c, CaseStatus.PlanProposed)))
            yield return CaseStep.ProposePlan;
        if (Allowed(c, CaseStatus.AwaitingMaterials))
            yield return CaseStep.RequestMaterials;
        if (c.Status == CaseStatus.AwaitingMaterials)
            yield return CaseStep.MaterialsReceived;
        if (Allowed(c, CaseStatus.ResultsReady) && c.Items.All(i => !i.Status.IsOpen()))
            yield return CaseStep.ResultsReady;
        if (c.Status == CaseStatus.ResultsReady && c.Delivery is null)
        {
            yield return CaseStep.DeliverByMail;
            yield return CaseStep.DeliverInPerson;
        }
        if (Allowed(c, CaseStatus.Archived))
            yield return CaseStep.Archive;
        if (c.Status.IsOpen())
            yield return CaseStep.WriteLog;
        if (c.Status.IsOpen() && c.Status != CaseStatus.Submitted)
            yield return CaseStep.ReceiveMaterial;
        if (c.AcceptsMail)
            yield return CaseStep.MailPapersBack;
    }

    private static IReadOnlyList<ItemStep> ItemSteps(Case c, CaseItem item)
    {
        if (c.Status is not (CaseStatus.InProgress or CaseStatus.AwaitingMaterials))
            return [];
        var s = item.Status;
        var steps = new List<ItemStep>();
        if (CaseItemStatuses.Table.IsAllowed(s, CaseItemStatus.Preparing))
            steps.Add(ItemStep.Prepare);
        if (CaseItemStatuses.Table.IsAllowed(s, CaseItemStatus.SubmittedToDepartment))
            steps.Add(ItemStep.Submit);
        if (CaseItemStatuses.Table.IsAllowed(s, CaseItemStatus.AwaitingSupplement))
            steps.Add(ItemStep.Supplement);
        if (CaseItemStatuses.Table.IsAllowed(s, CaseItemStatus.Approved))
            steps.Add(ItemStep.Approve);
        if (CaseItemStatuses.Table.IsAllowed(s, CaseItemStatus.Refused))
            steps.Add(ItemStep.Refuse);
        // A supplement's pause ends with the resubmission; only a pause for a statutory reason is resumed by hand.
        if (s == CaseItemStatus.SubmittedToDepartment && !item.IsClockPaused)
            steps.Add(ItemStep.Pause);
        if (s == CaseItemStatus.SubmittedToDepartment && item.IsClockPaused)
            steps.Add(ItemStep.Resume);
        return steps;
    }

    private static bool Allowed(Case c, CaseStatus to) => CaseStatuses.IsAllowed(c.Mode, c.Status, to);

    /// <summary>The last day a delivered, unevaluated case may still be evaluated, while that is today or later.</summary>
    public static DateOnly? EvaluationOpenUntil(Case c, BusinessCalendar calendar, int windowWorkingDays,
        DateOnly today)
    {
        if (c.Status != CaseStatus.Delivered || c.Evaluation is not null || c.DeliveredAt is not { } delivered)
            return null;
        var until = calendar.AddWorkingDays(ChinaTime.DateOf(delivered), windowWorkingDays);
        return until >= today ? until : null;
    }

    /// <summary>
    /// What the case waits for, said to this member: "待您…" when it is theirs to do, otherwise who does it.
    /// </summary>
    private static string NextStep(Case c, bool works, bool window, DateOnly? evaluationUntil, DateOnly today)
    {
        var agent = works ? "您" : $"代办员{c.AgentName}";
        var clerk = window ? "您" : "综合窗口";
        switch (c.Status)
        {
            case CaseStatus.Submitted:
                return $"待{clerk}登记";
            case CaseStatus.Registered:
                return $"待{clerk}指派代办员";
            case CaseStatus.Assigned when c.ScopeToSettle:
                return $"企业请代办员帮助确定办理事项，待{agent}与企业沟通后确定";
            case CaseStatus.Assigned:
                var returned = c.Plans.Where(p => p.Decision == PlanDecision.Rejected).MaxBy(p => p.Version);
                if (returned is not null && c.CurrentPlan == returned)
                    return $"企业退回了服务方案，待{agent}修改后重新提交";
                return c.Mode == ServiceMode.FullService ? $"待{agent}提交服务方案" : $"待{agent}开始办理";
            case CaseStatus.PlanProposed:
                return "待企业确认方案";
            case CaseStatus.PlanAgreed:
                return $"企业已确认方案，待{agent}开始办理";
            case CaseStatus.AwaitingMaterials:
                return "待企业补充材料";
            case CaseStatus.InProgress:
                return InProgressStep(c, agent, today);
            case CaseStatus.ResultsReady:
                return c.Delivery is null ? $"待{agent}送达办理结果" : "待企业签收邮寄的办理结果";
            case CaseStatus.Delivered:
                return evaluationUntil is { } until
                    ? $"待企业评价（评价期至{until.Month}月{until.Day}日），之后由{agent}归档"
                    : $"待{agent}整理归档";
            case CaseStatus.Evaluated:
                return $"企业已评价，待{agent}整理归档";
            default:
                return $"{c.Status.Name()}，无需办理";
        }
    }

    private static string InProgressStep(Case c, string agent, DateOnly today)
    {
        var toReview = c.Materials.Count(m => m.Review == MaterialReview.Pending);
        if (toReview > 0)
            return $"有{toReview}项材料待审查";
        var overdue = c.Items.Count(i => i.RunningDueOn < today);
        if (overdue > 0)
            return $"有{overdue}项事项已逾期";
        var supplement = c.Items.Count(i => i.Status == CaseItemStatus.AwaitingSupplement);
        if (supplement > 0)
            return $"有{supplement}项事项待补正";
        var toFile = c.Items.Count(i => i.Status is CaseItemStatus.NotStarted or CaseItemStatus.Preparing);
        if (toFile > 0)
            return $"有{toFile}项事项待报送部门";
        var atDepartment = c.Items.Count(i => i.Status == CaseItemStatus.SubmittedToDepartment);
        if (atDepartment > 0)
            return $"{atDepartment}项事项部门审批中";
        return $"全部事项已办结，待{agent}标记办结";
    }
}
