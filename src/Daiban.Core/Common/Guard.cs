namespace Daiban.Core.Common;

/// <summary>Argument checks that turn bad input into a <see cref="DomainRuleException"/> a person can act on.</summary>
public static class Guard
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw DomainRuleException.InvalidField("field.required", field, $"请填写{field}。");
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
            throw DomainRuleException.InvalidField("field.too_long", field, $"{field}不能超过{maxLength}个字。");
        // Control characters (NUL, escapes, bells) are never typed by a person: they would reach notices, exports
        // and the archive's hash. Line breaks and tabs are text.
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw DomainRuleException.InvalidField("field.control_characters", field,
                $"{field}含有无法显示的字符，请删除后重新填写。");
        return text;
    }

    /// <summary>
    /// A telephone number as people write it: a mobile (13806317004, +86 138 0631 7004) or a landline with its area
    /// code (0631-6651234, (0631) 6651234), or a local 7–8 digit number; one space or hyphen between groups.
    /// </summary>
    public static string? PhoneNumber(string? value, string field)
    {
        var phone = Optional(value, field, 20);
        if (phone is null || PhoneShape.IsMatch(phone))
            return phone;
        throw DomainRuleException.InvalidField("field.phone_invalid", field,
            $"{field}格式不正确：请填写手机号码或带区号的固定电话，如 0631-6651234。");
    }

    private static readonly System.Text.RegularExpressions.Regex PhoneShape = new(
        @"^(?:(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}|(?:0[1-9]\d{1,2}|\(0[1-9]\d{1,2}\))[ -]?[2-9]\d{6,7}"
        + @"|[2-9]\d{6,7})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static decimal? NonNegative(decimal? value, string field)
    {
        if (value is < 0)
            throw DomainRuleException.InvalidField("field.negative", field, $"{field}不能为负数。");
        return value;
    }

    /// <summary>A date a person could mean for a project (2000–2099): a typo such as 0202 or 20260 is refused.</summary>
    public static DateOnly? PlausibleDate(DateOnly? value, string field)
    {
        if (value is { Year: < 2000 or > 2099 })
            throw DomainRuleException.InvalidField("field.date_out_of_range", field, $"{field}应在2000年至2099年之间，请核对。");
        return value;
    }
}
