using Daiban.Core.Calendar;

namespace Daiban.Core.Cases;

/// <summary>What the enterprise can do on its case now; <see cref="None"/> while it waits on the service.</summary>
public enum EnterpriseAction
{
    None,
    AgreePlan,
    SupplyMaterials,
    SignForResults,
    Evaluate,
}

/// <summary>A material the enterprise still owes: never received, or received and sent back for correction.</summary>
public sealed record OwedMaterial(string ItemCode, string ItemName, string Material, bool NeedsCorrection,
    string? Note);

/// <summary>The case's "now" card in the mini-program: what happens next, and whose move it is.</summary>
public sealed record EnterpriseNext(EnterpriseAction Action, string Title, string Detail,
    IReadOnlyList<OwedMaterial> Owed)
{
    public bool NeedsEnterprise => Action != EnterpriseAction.None;
}

/// <summary>
/// The enterprise's side of the case's state, worded for a contact on a phone: the one thing to do now (agree the
/// plan, supply the materials the agent asked for, sign for mailed results, evaluate) or what the service is doing
/// meanwhile. Read from the same state and checklist the staff's <see cref="CaseWorkflow"/> reads.
/// </summary>
public static class EnterpriseNextStep
{
    public static EnterpriseNext For(Case c, IReadOnlyList<ItemChecklist> checklist, BusinessCalendar calendar,
        int evaluationWindowWorkingDays, DateOnly today)
    {
        var owed = Owed(c, checklist);
        var agent = c.AgentName is { } name ? $"代办员{name}" : "代办员";
        switch (c.Status)
        {
            case CaseStatus.Submitted:
                return Wait("申请已提交", "综合窗口登记后会为您指派代办员，届时在这里和“消息”里通知您。");
            case CaseStatus.Registered:
                return Wait("正在为您指派代办员", "综合窗口已登记您的申请，指派后代办员会与您联系。");
            case CaseStatus.Assigned when c.ScopeToSettle:
                return Wait($"{agent}将与您联系", "代办员会了解您的项目，和您一起确定需要办理的审批事项，确定后在这里列出。");
            case CaseStatus.Assigned:
                return c.Mode == ServiceMode.FullService
                    ? Wait($"{agent}正在拟定服务方案", "方案提交后请在这里查看并确认。")
                    : Wait($"{agent}将与您联系", "代办员会了解您的需求，讲解流程和所需材料。");
            case CaseStatus.PlanProposed when c.CurrentPlan is { Decision: PlanDecision.Pending } plan:
                return new EnterpriseNext(EnterpriseAction.AgreePlan, "请确认服务方案",
                    $"{agent}提交了服务方案（第{plan.Version}版），请查看后同意，或写明意见退回修改。", []);
            case CaseStatus.PlanAgreed:
                return Wait("服务方案已确认", $"{agent}将按方案开始办理。");
            // Everything asked for has arrived: the agent's review is next, nothing is owed.
            case CaseStatus.AwaitingMaterials when owed.Count == 0 && c.Materials.Any(m => m.ReceivedAt >= AskedAt(c)):
                return Wait("材料已全部提交", $"{agent}审查后将继续办理；如需补正会在这里告诉您。");
            case CaseStatus.AwaitingMaterials:
                return Supply(owed);
            case CaseStatus.InProgress when owed.Any(o => o.NeedsCorrection):
                return Supply(owed.Where(o => o.NeedsCorrection).ToList());
            case CaseStatus.InProgress:
                return Wait($"{agent}正在办理", NextDue(c, calendar, today));
            case CaseStatus.ResultsReady when c.Delivery is { Method: DeliveryMethod.Mail, IsReceiptSigned: false } d:
                return new EnterpriseNext(EnterpriseAction.SignForResults, "请签收办理结果",
                    $"办理结果已由{d.Carrier}寄出（运单号{d.TrackingNumber}），收到后请签名确认签收。", []);
            case CaseStatus.ResultsReady:
                return Wait("全部事项已办结", $"{agent}将当面送达或免费邮寄办理结果。");
            case CaseStatus.Delivered when CaseWorkflow.EvaluationOpenUntil(c, calendar, evaluationWindowWorkingDays,
                today) is { } until:
                return new EnterpriseNext(EnterpriseAction.Evaluate, "请评价本次服务",
                    $"办理结果已送达。评价期至{until.Month}月{until.Day}日，您的评价会反馈给行政审批部门。", []);
            case CaseStatus.Delivered:
            case CaseStatus.Evaluated:
                return Wait("服务已完成", $"{agent}将整理资料归档，归档后可在这里查阅电子档案。");
            case CaseStatus.Archived:
                return Wait("已办结归档", "可查阅本案件的电子档案。");
            case CaseStatus.Withdrawn:
                return Wait("申请已撤回", c.ClosingReason is { } w ? $"撤回原因：{w}" : "如需办理请重新申请。");
            case CaseStatus.Rejected:
                return Wait("申请未予受理", c.ClosingReason is { } r ? $"原因：{r}" : "如有疑问请联系综合窗口。");
            default:
                return Wait(c.Status.Name(), "");
        }
    }

    private static DateTimeOffset AskedAt(Case c) =>
        c.Transitions.LastOrDefault(t => t.To == CaseStatus.AwaitingMaterials)?.At ?? c.UpdatedAt;

    private static EnterpriseNext Wait(string title, string detail) =>
        new(EnterpriseAction.None, title, detail, []);

    private static EnterpriseNext Supply(IReadOnlyList<OwedMaterial> owed) =>
        new(EnterpriseAction.SupplyMaterials,
            owed.Count > 0 ? $"请补充{owed.Count}项材料" : "请按代办员的告知补充材料",
            "可拍照、从相册或聊天记录选择文件上传，也可以免费邮寄纸质材料。", owed);

    /// <summary>
    /// What the enterprise still owes: every material sent back for correction and not supplied again (with the
    /// agent's note), and, while the case waits for materials, each one the one-time notice (一次性告知) asked for
    /// that has not arrived since — or, for a notice that named none, the catalogue's core materials not received.
    /// A file waiting for review counts as supplied: the enterprise has done its part.
    /// </summary>
    private static List<OwedMaterial> Owed(Case c, IReadOnlyList<ItemChecklist> checklist)
    {
        var owed = new List<OwedMaterial>();
        foreach (var m in c.Materials.Where(m => m.Review == MaterialReview.NeedsCorrection))
            if (!c.Materials.Any(again => again != m && again.ReceivedAt >= m.ReviewedAt
                                          && again.Review != MaterialReview.NeedsCorrection
                                          && MaterialChecklist.Matches(again.Name, m.Name)))
                owed.Add(new OwedMaterial(m.ItemCode ?? "", ItemName(c, m.ItemCode), m.Name, true, m.ReviewNote));
        if (c.Status != CaseStatus.AwaitingMaterials)
            return owed;
        var askedAt = AskedAt(c);
        bool Arrived(string name) => c.Materials.Any(m => m.ReceivedAt >= askedAt
                                                          && m.Review != MaterialReview.NeedsCorrection
                                                          && MaterialChecklist.Matches(m.Name, name));
        bool Listed(string name) => owed.Any(o => MaterialChecklist.Matches(o.Material, name));
        if (c.RequestedMaterials.Count > 0)
        {
            foreach (var name in c.RequestedMaterials.Where(n => !Arrived(n) && !Listed(n)))
                owed.Add(new OwedMaterial("", "", name, false, null));
            return owed;
        }
        foreach (var item in checklist)
            foreach (var line in item.Lines.Where(l => l.IsCore && !l.Received && !Listed(l.Material)))
                owed.Add(new OwedMaterial(item.ItemCode, item.ItemName, line.Material, false, null));
        return owed;
    }

    private static string ItemName(Case c, string? code) =>
        c.Items.FirstOrDefault(i => i.ItemCode == code)?.ItemName ?? "";

    private static string NextDue(Case c, BusinessCalendar calendar, DateOnly today)
    {
        var next = c.Items.Where(i => i.RunningDueOn is not null).MinBy(i => i.RunningDueOn);
        if (next?.RunningDueOn is not { } due)
            return "代办员会在每个节点后更新进度，并通过消息通知您。";
        var left = due >= today ? calendar.WorkingDaysBetween(today, due) : 0;
        return due >= today
            ? $"最近一项“{next.ItemName}”承诺{due.Month}月{due.Day}日前办结，还有{left}个工作日。"
            : $"“{next.ItemName}”已超过承诺办结日期（{due.Month}月{due.Day}日），代办员正在督促办理。";
    }
}
