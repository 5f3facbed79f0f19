using Daiban.Core.Common;

namespace Daiban.Core.Cases;

/// <summary>One change of a case's status: who, when and why. Never updated, only appended.</summary>
public sealed class CaseTransition
{
    private CaseTransition() { }

    internal CaseTransition(CaseStatus from, CaseStatus to, Actor by, DateTimeOffset at, string? reason)
    {
        From = from;
        To = to;
        ActorKind = by.Kind;
        ActorId = by.Id;
        ActorName = by.Name;
        At = at;
        Reason = reason;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public CaseStatus From { get; private set; }
    public CaseStatus To { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public long? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
}
