namespace Daiban.Core.Common;

/// <summary>How a broken rule should surface: a conflict with the current state, or input that can never be valid.</summary>
public enum RuleViolationKind
{
    /// <summary>The request is valid in itself but not in the current state (HTTP 409).</summary>
    Conflict,
    /// <summary>The input breaks a rule of the domain (HTTP 422).</summary>
    Invalid,
}

/// <summary>
/// A domain rule was broken. <see cref="Exception.Message"/> is Chinese and tells a person what to do;
/// <see cref="Code"/> is a stable machine-readable key.
/// </summary>
public sealed class DomainRuleException(string code, string message, RuleViolationKind kind = RuleViolationKind.Conflict)
    : Exception(message)
{
    public string Code { get; } = code;
    public RuleViolationKind Kind { get; } = kind;

    /// <summary>The field at fault by the name people see beside it (项目名称), so a form can mark that field.</summary>
    public string? Field { get; init; }

    public static DomainRuleException Invalid(string code, string message) =>
        new(code, message, RuleViolationKind.Invalid);

    public static DomainRuleException InvalidField(string code, string field, string message) =>
        new(code, message, RuleViolationKind.Invalid) { Field = field };
}
