using Daiban.Core.Common;

namespace Daiban.Core.Tests.Common;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("13806310001", "138****0001")]
    [InlineData("8123", "**23")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskPhone_HidesTheMiddle(string? phone, string expected) => Assert.Equal(expected, PersonalData.MaskPhone(phone));

    [Theory]
    [InlineData("370102199001011234", "3701**********1234")]
    [InlineData("1234", "****")]
    public void MaskIdNumber_KeepsOnlyEnds(string id, string expected) => Assert.Equal(expected, PersonalData.MaskIdNumber(id));
}
