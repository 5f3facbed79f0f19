using Daiban.Core.Calendar;
using Daiban.Core.Catalog;
using Daiban.Core.Common;

namespace Daiban.Core.Cases;

/// <summary>One approval item in a case's scope, tracked per department with its own promised time limit.</summary>
public sealed class CaseItem
{
    private readonly List<ClockPause> _pauses = [];

    private CaseItem() { }

    internal CaseItem(ApprovalItem item, int sortOrder)
    {
        ItemCode = item.Code;
        ItemName = item.Name;
        DepartmentCode = item.DepartmentCode;
        ImplementingBody = item.ImplementingBody;
        Stage = item.Stage;
        PromisedDays = item.PromisedDays;
        SortOrder = sortOrder;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public string ItemCode { get; private set; } = "";
    public string ItemName { get; private set; } = "";
    public string DepartmentCode { get; private set; } = "";
    public string ImplementingBody { get; private set; } = "";
    public Stage Stage { get; private set; }
    public int SortOrder { get; private set; }
    public int? PromisedDays { get; private set; }
    public CaseItemStatus Status { get; private set; } = CaseItemStatus.NotStarted;
    /// <summary>The day the department accepted the application (受理); the limit counts from the next working day.</summary>
    public DateOnly? AcceptedOn { get; private set; }
    public DateOnly? DueOn { get; private set; }
    /// <summary>
    /// The due date while the clock runs (open, accepted, with a limit, not paused); null otherwise. Stored apart
    /// from <see cref="DueOn"/> so the deadline queries are one index range scan that never touches closed items.
    /// </summary>
    public DateOnly? RunningDueOn { get; private set; }

    public bool DeadlineActive => RunningDueOn is not null;
    public string? DepartmentReference { get; private set; }
    public string? ResultDocumentNo { get; private set; }
    public string? DecisionNote { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public IReadOnlyList<ClockPause> Pauses => _pauses;

    public bool IsClockPaused => _pauses.Any(p => p.IsOpen);

    internal bool StartPreparing() => MoveTo(CaseItemStatus.Preparing);

    internal bool SubmitToDepartment(DateOnly acceptedOn, string? departmentReference, BusinessCalendar calendar)
    {
        if (Status == CaseItemStatus.AwaitingSupplement)
        {
            MoveTo(CaseItemStatus.SubmittedToDepartment);
            ResumeClock(acceptedOn, calendar);
            return true;
        }
        if (!MoveTo(CaseItemStatus.SubmittedToDepartment))
            return false;
        AcceptedOn = acceptedOn;
        DepartmentReference = departmentReference;
        _pauses.Clear();
        Recalculate(calendar);
        return true;
    }

    internal bool RequestSupplement(DateOnly on, string? note, BusinessCalendar calendar)
    {
        if (!MoveTo(CaseItemStatus.AwaitingSupplement))
            return false;
        PauseClock(on, PauseReason.AwaitingSupplement, note, calendar);
        return true;
    }

    internal bool Approve(string resultDocumentNo, string? note, DateTimeOffset now)
    {
        if (Status == CaseItemStatus.Approved && ResultDocumentNo == resultDocumentNo)
            return false;
        MoveTo(CaseItemStatus.Approved);
        ResultDocumentNo = resultDocumentNo;
        DecisionNote = note;
        DecidedAt = now;
        RunningDueOn = null;
        return true;
    }

    internal bool Refuse(string reason, DateTimeOffset now)
    {
        if (Status == CaseItemStatus.Refused)
            return false;
        MoveTo(CaseItemStatus.Refused);
        DecisionNote = reason;
        DecidedAt = now;
        RunningDueOn = null;
        return true;
    }

    /// <summary>The case ended before this item was decided: its deadline is no longer the service's to keep.</summary>
    internal void StopTracking() => RunningDueOn = null;

    /// <summary>Stops the clock for a period the law excludes (expert review, hearing, testing, publicity).</summary>
    internal bool PauseClock(DateOnly on, PauseReason reason, string? note, BusinessCalendar calendar)
    {
        if (IsClockPaused)
            return false;
        if (Status is not (CaseItemStatus.SubmittedToDepartment or CaseItemStatus.AwaitingSupplement))
            throw new DomainRuleException("case_item.clock_not_running", $"事项“{ItemName}”尚未受理或已办结，无需暂停计时。");
        _pauses.Add(new ClockPause(on, reason, note));
        Recalculate(calendar);
        return true;
    }

    internal bool ResumeClock(DateOnly on, BusinessCalendar calendar)
    {
        var open = _pauses.FirstOrDefault(p => p.IsOpen);
        if (open is null)
            return false;
        open.Resume(on);
        Recalculate(calendar);
        return true;
    }

    /// <summary>Working days excluded from the limit by closed pauses.</summary>
    public int ExcludedWorkingDays(BusinessCalendar calendar) =>
        _pauses.Where(p => !p.IsOpen).Sum(p => calendar.WorkingDaysBetween(p.PausedOn, p.ResumedOn!.Value));

    /// <summary>Re-plans the due date; called after every change of acceptance, pauses or limit.</summary>
    internal void Recalculate(BusinessCalendar calendar)
    {
        if (AcceptedOn is null || PromisedDays is null)
        {
            DueOn = null;
            RunningDueOn = null;
            return;
        }
        DueOn = calendar.AddWorkingDays(AcceptedOn.Value, PromisedDays.Value + ExcludedWorkingDays(calendar));
        RunningDueOn = Status.IsOpen() && !IsClockPaused ? DueOn : null;
    }

    private bool MoveTo(CaseItemStatus to)
    {
        if (Status == to)
            return false;
        CaseItemStatuses.Table.Ensure(Status, to);
        Status = to;
        if (!to.IsOpen())
            RunningDueOn = null;
        return true;
    }
}
