namespace Daiban.Core.Cases;

public enum PlanDecision
{
    Pending,
    Agreed,
    Rejected,
    /// <summary>Replaced by a newer proposal before the enterprise answered.</summary>
    Superseded,
}

public static class PlanDecisions
{
    public static string Name(this PlanDecision decision) => decision switch
    {
        PlanDecision.Pending => "待确认",
        PlanDecision.Agreed => "同意",
        PlanDecision.Rejected => "退回",
        PlanDecision.Superseded => "已被新方案取代",
        _ => decision.ToString(),
    };
}

/// <summary>One planned step of the 服务方案 / 代办计划, in order, with a target date.</summary>
public sealed record PlanStep(int Order, string Description, string? ItemCode, DateOnly? TargetDate);

/// <summary>
/// The 服务方案 and 代办计划 an agent proposes; for 包办 nothing proceeds until the enterprise agrees.
/// The agent's proposal is the agent's side of the agreement; the enterprise's answer is the other.
/// </summary>
public sealed class ServicePlan
{
    private ServicePlan() { }

    internal ServicePlan(int version, string summary, IReadOnlyList<PlanStep> steps, long agentId, string agentName, DateTimeOffset at)
    {
        Version = version;
        Summary = summary;
        _steps = steps.ToList();
        ProposedByAgentId = agentId;
        ProposedByName = agentName;
        ProposedAt = at;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public int Version { get; private set; }
    public string Summary { get; private set; } = "";
    private List<PlanStep> _steps = [];

    /// <summary>The steps in plan order, however the database returned them.</summary>
    public IReadOnlyList<PlanStep> Steps => _steps.OrderBy(s => s.Order).ToList();
    public long ProposedByAgentId { get; private set; }
    public string ProposedByName { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    public PlanDecision Decision { get; private set; } = PlanDecision.Pending;
    public string? DecidedByName { get; private set; }
    public long? DecidedByContactId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionComment { get; private set; }

    internal void Decide(PlanDecision decision, long? contactId, string byName, string? comment, DateTimeOffset at)
    {
        Decision = decision;
        DecidedByContactId = contactId;
        DecidedByName = byName;
        DecisionComment = comment;
        DecidedAt = at;
    }

    internal void Supersede() => Decision = PlanDecision.Superseded;
}
