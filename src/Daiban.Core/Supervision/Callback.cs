using Daiban.Core.Common;

namespace Daiban.Core.Supervision;

public enum CallbackKind
{
    /// <summary>抽查回访 of a completed case.</summary>
    SpotCheck,
    /// <summary>Mandatory callback after a 差评.</summary>
    BadReview,
}

public enum CallbackStatus
{
    Due,
    Done,
    /// <summary>The contact could not be reached after repeated tries.</summary>
    Unreachable,
}

/// <summary>A supervisor's telephone callback to an enterprise (十, 好差评 回访).</summary>
public sealed class Callback
{
    public static readonly TransitionTable<CallbackStatus> Table = new("callback", s => s switch
    {
        CallbackStatus.Due => "待回访",
        CallbackStatus.Done => "已回访",
        _ => "无法联系",
    }, new Dictionary<CallbackStatus, CallbackStatus[]>
    {
        [CallbackStatus.Due] = [CallbackStatus.Done, CallbackStatus.Unreachable],
        [CallbackStatus.Unreachable] = [CallbackStatus.Done],
    });

    private Callback() { }

    public Callback(long caseId, CallbackKind kind, long? assigneeId, DateOnly dueOn, DateTimeOffset now)
    {
        CaseId = caseId;
        Kind = kind;
        AssigneeId = assigneeId;
        DueOn = dueOn;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public CallbackKind Kind { get; private set; }
    public long? AssigneeId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public CallbackStatus Status { get; private set; }
    public string? Result { get; private set; }
    public bool? EnterpriseSatisfied { get; private set; }
    public string? CalledBy { get; private set; }
    public DateTimeOffset? CalledAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool Record(bool reached, string result, bool? satisfied, Actor by, DateTimeOffset now)
    {
        var to = reached ? CallbackStatus.Done : CallbackStatus.Unreachable;
        var text = Guard.Required(result, "回访记录", 2000);
        if (Status == to && Result == text)
            return false;
        Table.Ensure(Status, to);
        Status = to;
        Result = text;
        EnterpriseSatisfied = reached ? satisfied : null;
        CalledBy = by.Name;
        CalledAt = now;
        return true;
    }
}
