using Daiban.Core.Common;

namespace Daiban.Core.DifficultIssues;

public enum MeetingStatus
{
    Scheduled,
    Held,
    Cancelled,
}

/// <summary>联审会议 called by the approval office with the departments concerned (六.2, 八).</summary>
public sealed class JointReviewMeeting
{
    public static readonly TransitionTable<MeetingStatus> Table = new("meeting", s => s switch
    {
        MeetingStatus.Scheduled => "已安排",
        MeetingStatus.Held => "已召开",
        _ => "已取消",
    }, new Dictionary<MeetingStatus, MeetingStatus[]>
    {
        [MeetingStatus.Scheduled] = [MeetingStatus.Held, MeetingStatus.Cancelled],
    });

    private JointReviewMeeting() { }

    public JointReviewMeeting(string title, DateTimeOffset scheduledAt, string? location, IEnumerable<string> departmentCodes,
        IEnumerable<long> caseIds, string agenda, Actor convenedBy, DateTimeOffset now)
    {
        Title = Guard.Required(title, "会议名称", 128);
        ScheduledAt = scheduledAt;
        Location = Guard.Optional(location, "会议地点", 128);
        DepartmentCodes = departmentCodes.Distinct().ToList();
        CaseIds = caseIds.Distinct().ToList();
        if (DepartmentCodes.Count == 0)
            throw DomainRuleException.Invalid("meeting.no_departments", "请选择参加联审会议的职能部门。");
        if (CaseIds.Count == 0)
            throw DomainRuleException.Invalid("meeting.no_cases", "请选择联审会议要协调的项目案件。");
        Agenda = Guard.Required(agenda, "会议议题", 2000);
        ConvenedBy = convenedBy.Name;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset ScheduledAt { get; private set; }
    public string? Location { get; private set; }
    public List<string> DepartmentCodes { get; private set; } = [];
    public List<long> CaseIds { get; private set; } = [];
    public string Agenda { get; private set; } = "";
    public string ConvenedBy { get; private set; } = "";
    public MeetingStatus Status { get; private set; }
    public string? Minutes { get; private set; }
    public string? Decisions { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool RecordMinutes(string minutes, string? decisions, DateTimeOffset heldAt)
    {
        var text = Guard.Required(minutes, "会议纪要", 8000);
        if (Status == MeetingStatus.Held && Minutes == text && Decisions == decisions)
            return false;
        if (Status != MeetingStatus.Held)
            Table.Ensure(Status, MeetingStatus.Held);
        Status = MeetingStatus.Held;
        Minutes = text;
        Decisions = Guard.Optional(decisions, "议定事项", 4000);
        HeldAt = heldAt;
        return true;
    }

    public bool Cancel()
    {
        if (Status == MeetingStatus.Cancelled)
            return false;
        Table.Ensure(Status, MeetingStatus.Cancelled);
        Status = MeetingStatus.Cancelled;
        return true;
    }
}
