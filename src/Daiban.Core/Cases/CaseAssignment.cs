namespace Daiban.Core.Cases;

/// <summary>An agent's ownership of a case (首接负责制). Re-assignment ends one row and starts another.</summary>
public sealed class CaseAssignment
{
    private CaseAssignment() { }

    internal CaseAssignment(long agentId, string agentName, string reason, string assignedBy, DateTimeOffset at)
    {
        AgentId = agentId;
        AgentName = agentName;
        Reason = reason;
        AssignedBy = assignedBy;
        AssignedAt = at;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public long AgentId { get; private set; }
    public string AgentName { get; private set; } = "";
    /// <summary>Why this agent: the routing policy's explanation, or the clerk's override reason.</summary>
    public string Reason { get; private set; } = "";
    public string AssignedBy { get; private set; } = "";
    public DateTimeOffset AssignedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    internal void End(DateTimeOffset at) => EndedAt = at;
}
