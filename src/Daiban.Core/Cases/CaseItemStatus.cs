using Daiban.Core.Common;

namespace Daiban.Core.Cases;

public enum CaseItemStatus
{
    NotStarted,
    Preparing,
    SubmittedToDepartment,
    AwaitingSupplement,
    Approved,
    Refused,
}

public static class CaseItemStatuses
{
    public static string Name(this CaseItemStatus status) => status switch
    {
        CaseItemStatus.NotStarted => "未启动",
        CaseItemStatus.Preparing => "准备材料",
        CaseItemStatus.SubmittedToDepartment => "部门审批中",
        CaseItemStatus.AwaitingSupplement => "待补正",
        CaseItemStatus.Approved => "已批准",
        CaseItemStatus.Refused => "不予批准",
        _ => status.ToString(),
    };

    public static readonly TransitionTable<CaseItemStatus> Table = new("case_item", Name, new Dictionary<CaseItemStatus, CaseItemStatus[]>
    {
        [CaseItemStatus.NotStarted] = [CaseItemStatus.Preparing, CaseItemStatus.SubmittedToDepartment],
        [CaseItemStatus.Preparing] = [CaseItemStatus.SubmittedToDepartment],
        [CaseItemStatus.SubmittedToDepartment] = [CaseItemStatus.AwaitingSupplement, CaseItemStatus.Approved, CaseItemStatus.Refused],
        [CaseItemStatus.AwaitingSupplement] = [CaseItemStatus.SubmittedToDepartment, CaseItemStatus.Refused],
        // A refused item can be prepared again and re-filed.
        [CaseItemStatus.Refused] = [CaseItemStatus.Preparing],
    });

    /// <summary>Still owes a decision: counted by the deadline queries and the reminders.</summary>
    public static bool IsOpen(this CaseItemStatus status) => status is not (CaseItemStatus.Approved or CaseItemStatus.Refused);
}
