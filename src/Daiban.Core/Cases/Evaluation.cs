using Daiban.Core.Common;

namespace Daiban.Core.Cases;

/// <summary>The national 好差评 five-level scale.</summary>
public enum SatisfactionLevel
{
    VeryDissatisfied = 1,
    Dissatisfied = 2,
    Neutral = 3,
    Satisfied = 4,
    VerySatisfied = 5,
}

public static class SatisfactionLevels
{
    public static string Name(this SatisfactionLevel level) => level switch
    {
        SatisfactionLevel.VerySatisfied => "非常满意",
        SatisfactionLevel.Satisfied => "满意",
        SatisfactionLevel.Neutral => "基本满意",
        SatisfactionLevel.Dissatisfied => "不满意",
        SatisfactionLevel.VeryDissatisfied => "非常不满意",
        _ => level.ToString(),
    };

    /// <summary>差评: 不满意 and 非常不满意 open a rectification and a mandatory callback.</summary>
    public static bool IsBad(this SatisfactionLevel level) => level <= SatisfactionLevel.Dissatisfied;

    /// <summary>A bad overall level or a bad aspect rated (a rude manner under a fair overall level).</summary>
    public static bool AnyBad(SatisfactionLevel overall, params SatisfactionLevel?[] aspects) =>
        overall.IsBad() || aspects.Any(a => a?.IsBad() == true);
}

/// <summary>
/// The answers of the policy's 帮办代办包办评价表, each on the same five-level scale. Only the overall level is
/// required: an aspect the enterprise did not rate stays unrated (null), never a copy of the overall level.
/// </summary>
public sealed record EvaluationForm(
    SatisfactionLevel Overall,
    SatisfactionLevel? Attitude,
    SatisfactionLevel? Efficiency,
    SatisfactionLevel? Expertise,
    SatisfactionLevel? Coordination,
    string? Comment,
    string? Suggestions)
{
    public IEnumerable<SatisfactionLevel> Aspects =>
        new[] { Attitude, Efficiency, Expertise, Coordination }.OfType<SatisfactionLevel>();

    public bool IsBad => SatisfactionLevels.AnyBad(Overall, Attitude, Efficiency, Expertise, Coordination);

    public void Validate()
    {
        foreach (var level in Aspects.Prepend(Overall))
        {
            if (!Enum.IsDefined(level))
                throw DomainRuleException.Invalid("evaluation.level_invalid", "评价等级应为1到5星（非常不满意到非常满意）。");
        }
        Guard.Optional(Comment, "评价意见", 500);
        Guard.Optional(Suggestions, "意见建议", 500);
    }

    /// <summary>A bad review starts a rectification and a callback (五.4): they need to know what went wrong.</summary>
    public void EnsureReasonForBadReview()
    {
        if (IsBad && string.IsNullOrWhiteSpace(Comment))
            throw DomainRuleException.Invalid("evaluation.reason_required", "选择不满意时，请写下原因，便于我们核实整改。");
    }
}

/// <summary>One evaluation per case, attributed to the agent who owned the case at delivery.</summary>
public sealed class Evaluation
{
    private Evaluation() { }

    internal Evaluation(EvaluationForm form, long? contactId, long? agentId, DateTimeOffset at)
    {
        Overall = form.Overall;
        Attitude = form.Attitude;
        Efficiency = form.Efficiency;
        Expertise = form.Expertise;
        Coordination = form.Coordination;
        Comment = form.Comment?.Trim();
        Suggestions = form.Suggestions?.Trim();
        ContactId = contactId;
        AgentId = agentId;
        EvaluatedAt = at;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public SatisfactionLevel Overall { get; private set; }
    public SatisfactionLevel? Attitude { get; private set; }
    public SatisfactionLevel? Efficiency { get; private set; }
    public SatisfactionLevel? Expertise { get; private set; }
    public SatisfactionLevel? Coordination { get; private set; }
    public string? Comment { get; private set; }
    public string? Suggestions { get; private set; }
    public long? ContactId { get; private set; }
    public long? AgentId { get; private set; }
    public DateTimeOffset EvaluatedAt { get; private set; }

    /// <summary>A 差评 to call back and rectify: the overall level, or any aspect rated, is 不满意 or worse.</summary>
    public bool IsBad => SatisfactionLevels.AnyBad(Overall, Attitude, Efficiency, Expertise, Coordination);

    internal bool Matches(EvaluationForm form) =>
        Overall == form.Overall && Attitude == form.Attitude && Efficiency == form.Efficiency &&
        Expertise == form.Expertise && Coordination == form.Coordination &&
        Comment == form.Comment?.Trim() && Suggestions == form.Suggestions?.Trim();
}
