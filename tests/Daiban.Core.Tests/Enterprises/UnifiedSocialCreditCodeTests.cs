using Daiban.Core.Common;
using Daiban.Core.Enterprises;

namespace Daiban.Core.Tests.Enterprises;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    // Codes printed on real business licences (public registrations).
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000802100433B")]
    [InlineData("91440300708461136T")]
    [InlineData("91110108551385082Q")]
    [InlineData("9144030071526726XG")]
    public void TryParse_AcceptsValidCodes(string code)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(code, out var parsed));
        Assert.Equal(code, parsed.Value);
    }

    [Fact]
    public void Parse_NormalisesCaseAndWhitespace() =>
        Assert.Equal("91350100M000100Y43", UnifiedSocialCreditCode.Parse(" 91350100m000100y43 ").Value);

    [Theory]
    [InlineData("91350100M000100Y44")] // wrong check character
    [InlineData("91350100M000100Y4")]  // 17 characters
    [InlineData("91350100M000100Y433")] // 19 characters
    [InlineData("91350100I000100Y43")] // I is not in the alphabet
    [InlineData("91350100O000100Y43")] // nor O
    [InlineData("9135010-M000100Y43")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_RefusesInvalidCodes_WithActionableMessage(string? code)
    {
        Assert.False(UnifiedSocialCreditCode.TryParse(code, out _));
        var error = Assert.Throws<DomainRuleException>(() => UnifiedSocialCreditCode.Parse(code));
        Assert.Equal(RuleViolationKind.Invalid, error.Kind);
        Assert.Contains("统一社会信用代码", error.Message);
    }

    [Fact]
    public void CheckCharacter_DetectsEverySingleCharacterChange()
    {
        const string valid = "91110000802100433B";
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (var i = 0; i < 17; i++)
            foreach (var c in alphabet.Where(c => c != valid[i]))
            {
                var changed = valid[..i] + c + valid[(i + 1)..];
                Assert.False(UnifiedSocialCreditCode.TryParse(changed, out _), changed);
            }
    }
}
