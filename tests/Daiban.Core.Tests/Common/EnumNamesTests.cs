using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Projects;

namespace Daiban.Core.Tests.Common;

/// <summary>The Chinese meaning of enum values (architecture issue, item 6): one name of its own per value.</summary>
public sealed class EnumNamesTests
{
    public static TheoryData<Type> DescribedEnums() => new(EnumNames.Described);

    [Theory]
    [MemberData(nameof(DescribedEnums))]
    public void EveryValue_HasAChineseNameOfItsOwn(Type enumType)
    {
        var names = EnumNames.Of(enumType)!;

        Assert.Equal(Enum.GetValues(enumType).Length, names.Count);
        foreach (var (_, name) in names)
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}", name);
        Assert.Equal(names.Count, names.Select(n => n.Name).Distinct().Count());
    }

    [Fact]
    public void ByName_ReadsStoredValueNames()
    {
        Assert.Equal("包办", EnumNames.ByName<ServiceMode>()["FullService"]);
        Assert.Equal("带方案出让", EnumNames.ByName<LandSupply>()[nameof(LandSupply.TransferWithScheme)]);
        Assert.Null(EnumNames.Of(typeof(DayOfWeek)));
    }
}
