namespace Daiban.Core.Common;

/// <summary>Argument checks that turn bad input into a <see cref="DomainRuleException"/> a person can act on.</summary>
public static class Guard
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw DomainRuleException.Invalid("field.required", $"请填写{field}。");
        return Checked(trimmed, field, maxLength);
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Checked(trimmed, field, maxLength);
    }

    private static string Checked(string text, string field, int maxLength)
    {
        if (text.Length > maxLength)
            throw DomainRuleException.Invalid("field.too_long", $"{field}不能超过{maxLength}个字。");
        // Control characters (NUL, escapes, bells) are never typed by a person: they would reach notices, exports
        // and the archive's hash. Line breaks and tabs are text.
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw DomainRuleException.Invalid("field.control_characters", $"{field}含有无法显示的字符，请删除后重新填写。");
        return text;
    }

    public static decimal? NonNegative(decimal? value, string field)
    {
        if (value is < 0)
            throw DomainRuleException.Invalid("field.negative", $"{field}不能为负数。");
        return value;
    }

    /// <summary>A date a person could mean for a project (2000–2099): a typo such as 0202 or 20260 is refused.</summary>
    public static DateOnly? PlausibleDate(DateOnly? value, string field)
    {
        if (value is { Year: < 2000 or > 2099 })
            throw DomainRuleException.Invalid("field.date_out_of_range", $"{field}应在2000年至2099年之间，请核对。");
        return value;
    }
}
