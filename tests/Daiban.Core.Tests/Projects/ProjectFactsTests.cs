using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Projects;

namespace Daiban.Core.Tests.Projects;

public sealed class ProjectFactsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static ProjectFacts Facts(DateOnly? plannedStart) => new("年产2万吨环保建材项目", null, "乳山市经济开发区",
        InvestmentType.Social, ProjectKind.Industrial, 12000m, 40000m, 26000m, 18m, "新建车间", plannedStart,
        Stage.LandAndPlanning, LandSupply.Transfer, null, "孙海", "13806310001", null);

    [Theory]
    [InlineData(202, 3, 1)]
    [InlineData(1999, 12, 31)]
    [InlineData(2100, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void APlannedStartNoOneCouldMean_IsRefusedInChinese(int year, int month, int day)
    {
        var e = Assert.Throws<DomainRuleException>(() => new Project(1, Facts(new DateOnly(year, month, day)), Now));

        Assert.Equal(RuleViolationKind.Invalid, e.Kind);
        Assert.Contains("计划开工时间", e.Message);
    }

    [Theory]
    [InlineData(2000, 1, 1)]
    [InlineData(2027, 3, 1)]
    [InlineData(2099, 12, 31)]
    public void APlausiblePlannedStart_IsKept(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        Assert.Equal(date, new Project(1, Facts(date), Now).PlannedStart);
        Assert.Null(new Project(1, Facts(null), Now).PlannedStart);
    }

    [Fact]
    public void AFormWithoutContact_TakesTheApplicants_AndAGivenOneIsKept()
    {
        var enterprise = new Enterprise("乳山市海达新材料有限公司", UnifiedSocialCreditCode.Parse(Code()), Now);
        var applicant = enterprise.AddContact("孙海", "13806310001", "o-applicant", Now);

        var blank = Project.For(applicant, Facts(null) with { ContactName = null, ContactPhone = " " }, Now);
        var given = Project.For(applicant, Facts(null) with { ContactName = "王工", ContactPhone = "13906310002" }, Now);

        Assert.Equal(("孙海", "13806310001"), (blank.ContactName, blank.ContactPhone));
        Assert.Equal(("王工", "13906310002"), (given.ContactName, given.ContactPhone));
    }

    private static string Code()
    {
        const string body = "91371083000000001";
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }
}
