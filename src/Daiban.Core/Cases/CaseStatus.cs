using Daiban.Core.Common;

namespace Daiban.Core.Cases;

public enum CaseStatus
{
    Submitted,
    Registered,
    Assigned,
    PlanProposed,
    PlanAgreed,
    InProgress,
    AwaitingMaterials,
    ResultsReady,
    Delivered,
    Evaluated,
    Archived,
    Withdrawn,
    Rejected,
}

public static class CaseStatuses
{
    /// <summary>
    /// Every item is decided (办结待送达) or the results went out: the case has results to hand over, and from then on
    /// the 办结单 that lists them.
    /// </summary>
    public static bool HasResults(this CaseStatus status) =>
        status is CaseStatus.ResultsReady or CaseStatus.Delivered or CaseStatus.Evaluated or CaseStatus.Archived;

    public static string Name(this CaseStatus status) => status switch
    {
        CaseStatus.Submitted => "已提交",
        CaseStatus.Registered => "已登记",
        CaseStatus.Assigned => "已指派代办员",
        CaseStatus.PlanProposed => "服务方案待确认",
        CaseStatus.PlanAgreed => "服务方案已确认",
        CaseStatus.InProgress => "办理中",
        CaseStatus.AwaitingMaterials => "待补充材料",
        CaseStatus.ResultsReady => "已办结待送达",
        CaseStatus.Delivered => "已送达",
        CaseStatus.Evaluated => "已评价",
        CaseStatus.Archived => "已归档",
        CaseStatus.Withdrawn => "已撤回",
        CaseStatus.Rejected => "不予受理",
        _ => status.ToString(),
    };

    /// <summary>
    /// A status change as the enterprise is told it: plain words, no internal reason (only why its application was
    /// closed, which it is told anyway). Null when another line says it better (the assignment names the agent).
    /// </summary>
    public static string? ForEnterprise(CaseStatus to, string? reason) => to switch
    {
        CaseStatus.Registered => "综合窗口已登记您的申请",
        CaseStatus.PlanProposed => "代办员已提交服务方案，请查看并确认",
        CaseStatus.PlanAgreed => "您已确认服务方案",
        CaseStatus.InProgress => "代办员正在为您办理",
        CaseStatus.AwaitingMaterials => "请按一次性告知补充材料",
        CaseStatus.ResultsReady => "全部事项已办结，代办员将送达办理结果",
        CaseStatus.Delivered => "办理结果已送达签收",
        CaseStatus.Evaluated => "感谢您的评价",
        CaseStatus.Archived => "案件已整理归档",
        CaseStatus.Withdrawn => $"申请已撤回：{reason}",
        CaseStatus.Rejected => $"申请未予受理：{reason}",
        _ => null,
    };

    /// <summary>
    /// The case lifecycle (docs/architecture.md §8). Mode-specific rules sit on top in <see cref="IsAllowed"/>:
    /// 包办 must pass through an agreed plan; 帮办 and 代办 may start without one.
    /// </summary>
    public static readonly TransitionTable<CaseStatus> Table = new("case", Name, new Dictionary<CaseStatus, CaseStatus[]>
    {
        [CaseStatus.Submitted] = [CaseStatus.Registered, CaseStatus.Withdrawn, CaseStatus.Rejected],
        [CaseStatus.Registered] = [CaseStatus.Assigned, CaseStatus.Withdrawn, CaseStatus.Rejected],
        [CaseStatus.Assigned] = [CaseStatus.PlanProposed, CaseStatus.InProgress, CaseStatus.Withdrawn],
        [CaseStatus.PlanProposed] = [CaseStatus.PlanAgreed, CaseStatus.Assigned, CaseStatus.Withdrawn],
        [CaseStatus.PlanAgreed] = [CaseStatus.InProgress, CaseStatus.Withdrawn],
        [CaseStatus.InProgress] = [CaseStatus.AwaitingMaterials, CaseStatus.ResultsReady, CaseStatus.Withdrawn],
        [CaseStatus.AwaitingMaterials] = [CaseStatus.InProgress, CaseStatus.Withdrawn],
        [CaseStatus.ResultsReady] = [CaseStatus.Delivered],
        [CaseStatus.Delivered] = [CaseStatus.Evaluated, CaseStatus.Archived],
        [CaseStatus.Evaluated] = [CaseStatus.Archived],
    });

    public static bool IsAllowed(ServiceMode mode, CaseStatus from, CaseStatus to) =>
        Table.IsAllowed(from, to) && !(mode == ServiceMode.FullService && from == CaseStatus.Assigned && to == CaseStatus.InProgress);

    public static bool IsOpen(this CaseStatus status) =>
        status is not (CaseStatus.Archived or CaseStatus.Withdrawn or CaseStatus.Rejected);

    /// <summary>States in which the agent is working the case and may be replaced.</summary>
    public static bool IsBeingWorked(this CaseStatus status) =>
        status is CaseStatus.Assigned or CaseStatus.PlanProposed or CaseStatus.PlanAgreed or CaseStatus.InProgress
            or CaseStatus.AwaitingMaterials or CaseStatus.ResultsReady;
}
