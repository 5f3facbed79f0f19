using System.Globalization;
using System.Text.RegularExpressions;

namespace Daiban.WeChat.Api;

/// <summary>
/// The value rules of subscribe and category-template keywords (docs/architecture.md §11): the key's prefix decides the type
/// (<c>thing3</c> is a thing). The emulator enforces them as WeChat does (47003); senders fit values with
/// <see cref="Fit"/> so a long project name never costs a notification.
/// </summary>
public static partial class TemplateValueRules
{
    public static string TypeOf(string key) => KeyPrefix().Match(key).Value;

    /// <summary>Null when the value is acceptable, else why not.</summary>
    public static string? Validate(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "empty";
        if (value.Any(char.IsControl))
            return "control characters";
        var length = new StringInfo(value).LengthInTextElements;
        return TypeOf(key) switch
        {
            "thing" => length <= 20 ? null : "thing longer than 20",
            "number" => length <= 32 && NumberValue().IsMatch(value) ? null : "number",
            "letter" => length <= 32 && value.All(char.IsAsciiLetter) ? null : "letter",
            "symbol" => length <= 5 && !value.Any(char.IsLetterOrDigit) ? null : "symbol",
            "character_string" => length <= 32 && value.All(c => c < 128) ? null : "character_string",
            "time" or "date" => DateValue().IsMatch(value) ? null : "time/date format",
            "amount" => AmountValue().IsMatch(value) ? null : "amount",
            "phone_number" => length <= 17 && value.All(c => char.IsAsciiDigit(c) || "+-() ".Contains(c)) ? null : "phone_number",
            "name" => (value.All(c => c < 128) ? length <= 20 : length <= 10) ? null : "name",
            "phrase" => length <= 5 && value.All(c => c >= 0x4E00 && c <= 0x9FFF) ? null : "phrase",
            "car_number" => length <= 8 ? null : "car_number",
            _ => null,
        };
    }

    /// <summary>Shortens text types to their limit (with an ellipsis) and strips what WeChat refuses.</summary>
    public static string Fit(string key, string value)
    {
        var clean = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        var limit = TypeOf(key) switch
        {
            "thing" => 20,
            "character_string" or "number" or "letter" => 32,
            "name" => clean.All(c => c < 128) ? 20 : 10,
            "phrase" => 5,
            "phone_number" => 17,
            _ => int.MaxValue,
        };
        var info = new StringInfo(clean);
        if (info.LengthInTextElements <= limit)
            return clean;
        return TypeOf(key) == "thing" ? info.SubstringByTextElements(0, limit - 1) + "…" : info.SubstringByTextElements(0, limit);
    }

    [GeneratedRegex("^[a-z_]+?(?=[0-9]*$)")]
    private static partial Regex KeyPrefix();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex NumberValue();

    [GeneratedRegex(@"^(\d{4}[年\-/]\d{1,2}[月\-/]\d{1,2}日?)?\s*(\d{1,2}:\d{2}(:\d{2})?)?(\s*~\s*.+)?$")]
    private static partial Regex DateValue();

    [GeneratedRegex(@"^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$")]
    private static partial Regex AmountValue();
}
