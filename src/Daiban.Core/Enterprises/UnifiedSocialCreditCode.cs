using Daiban.Core.Common;

namespace Daiban.Core.Enterprises;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z); the last one
/// is a check character computed from the first 17 with weights 3^i mod 31.
/// </summary>
public readonly record struct UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? input, out UnifiedSocialCreditCode code)
    {
        code = default;
        var candidate = input?.Trim().ToUpperInvariant();
        if (candidate is null || candidate.Length != 18)
            return false;
        foreach (var c in candidate)
        {
            if (Alphabet.IndexOf(c) < 0)
                return false;
        }
        if (candidate[17] != CheckCharacter(candidate.AsSpan(0, 17)))
            return false;
        code = new UnifiedSocialCreditCode(candidate);
        return true;
    }

    public static UnifiedSocialCreditCode Parse(string? input) =>
        TryParse(input, out var code)
            ? code
            : throw DomainRuleException.InvalidField("enterprise.uscc_invalid", "统一社会信用代码",
                "统一社会信用代码不正确：应为18位数字或大写字母（不含I、O、S、V、Z），请核对营业执照后重新填写。");

    /// <summary>The GB 32100 check character for the first 17 characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var check = (31 - sum % 31) % 31;
        return Alphabet[check];
    }
}
