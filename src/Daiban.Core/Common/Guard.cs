namespace Daiban.Core.Common;

/// <summary>Argument checks that turn bad input into a <see cref="DomainRuleException"/> a person can act on.</summary>
public static class Guard
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw DomainRuleException.Invalid("field.required", $"请填写{field}。");
        if (trimmed.Length > maxLength)
            throw DomainRuleException.Invalid("field.too_long", $"{field}不能超过{maxLength}个字。");
        return trimmed;
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Length > maxLength)
            throw DomainRuleException.Invalid("field.too_long", $"{field}不能超过{maxLength}个字。");
        return trimmed;
    }

    public static decimal? NonNegative(decimal? value, string field)
    {
        if (value is < 0)
            throw DomainRuleException.Invalid("field.negative", $"{field}不能为负数。");
        return value;
    }
}
