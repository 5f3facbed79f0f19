using Daiban.Core.Common;

namespace Daiban.Core.DifficultIssues;

public enum IssueStatus
{
    Open,
    InProgress,
    Resolved,
}

/// <summary>
/// A row of the 帮办代办包办难点问题工作台账 (attachment 3): the problem, the responsible department and liaison,
/// the deadline, progress and resolution.
/// </summary>
public sealed class DifficultIssue : IRecordsEvents
{
    private readonly EventLog _events = new();

    public static readonly TransitionTable<IssueStatus> Table = new("issue", s => s switch
    {
        IssueStatus.Open => "待办理",
        IssueStatus.InProgress => "办理中",
        _ => "已解决",
    }, new Dictionary<IssueStatus, IssueStatus[]>
    {
        [IssueStatus.Open] = [IssueStatus.InProgress, IssueStatus.Resolved],
        [IssueStatus.InProgress] = [IssueStatus.Resolved],
        // A resolution that did not hold is reopened rather than a new row, so the ledger keeps its history.
        [IssueStatus.Resolved] = [IssueStatus.InProgress],
    });

    private DifficultIssue() { }

    public DifficultIssue(long caseId, long? meetingId, string description, string responsibleDepartment, long? liaisonId,
        DateOnly deadline, Actor raisedBy, DateTimeOffset now)
    {
        CaseId = caseId;
        MeetingId = meetingId;
        Description = Guard.Required(description, "问题描述", 2000);
        ResponsibleDepartment = Guard.Required(responsibleDepartment, "责任部门", 32);
        LiaisonId = liaisonId;
        Deadline = CheckDeadline(deadline, now);
        RaisedBy = raisedBy.Name;
        RaisedAt = now;
        UpdatedAt = now;
        if (liaisonId is { } liaison)
            _events.Record(new IssueRaised(this, liaison, now));
    }

    public IReadOnlyList<IDomainEvent> TakeEvents() => _events.Take();

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public long? MeetingId { get; private set; }
    public string Description { get; private set; } = "";
    public string ResponsibleDepartment { get; private set; } = "";
    public long? LiaisonId { get; private set; }
    public DateOnly Deadline { get; private set; }
    public IssueStatus Status { get; private set; }
    public string? Progress { get; private set; }
    public string? Resolution { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public bool ReportProgress(string progress, DateTimeOffset now)
    {
        var text = Guard.Required(progress, "办理进展", 2000);
        if (Status == IssueStatus.InProgress && Progress == text)
            return false;
        if (Status != IssueStatus.InProgress)
            Table.Ensure(Status, IssueStatus.InProgress);
        Status = IssueStatus.InProgress;
        Progress = text;
        Changed(now);
        return true;
    }

    public bool Resolve(string resolution, DateTimeOffset now)
    {
        var text = Guard.Required(resolution, "解决情况", 2000);
        if (Status == IssueStatus.Resolved)
            return false;
        Table.Ensure(Status, IssueStatus.Resolved);
        Status = IssueStatus.Resolved;
        Resolution = text;
        ResolvedAt = now;
        Changed(now);
        return true;
    }

    public void Reassign(string department, long? liaisonId, DateOnly deadline, DateTimeOffset now)
    {
        ResponsibleDepartment = Guard.Required(department, "责任部门", 32);
        LiaisonId = liaisonId;
        Deadline = CheckDeadline(deadline, now);
        Changed(now);
    }

    /// <summary>A difficult issue is to be settled within working weeks (八): a deadline past a year is a typing slip.</summary>
    private static DateOnly CheckDeadline(DateOnly deadline, DateTimeOffset now)
    {
        var today = Calendar.ChinaTime.DateOf(now);
        if (deadline < today)
            throw DomainRuleException.Invalid("issue.deadline_past", "办理时限不能早于今天。");
        if (deadline > today.AddYears(1))
            throw DomainRuleException.Invalid("issue.deadline_far", "办理时限不能超过一年，请核对日期。");
        return deadline;
    }

    public bool IsOverdue(DateOnly today) => Status != IssueStatus.Resolved && today > Deadline;

    private void Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A difficult issue raised with a named liaison, who is told.</summary>
public sealed record IssueRaised(DifficultIssue Issue, long LiaisonId, DateTimeOffset At) : IDomainEvent;
