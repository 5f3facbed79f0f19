using Daiban.Core.Cases;
using Daiban.Core.Common;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Cases;

/// <summary>Security review, issue 16 item 9: bad input is refused in Chinese and changes nothing.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void RequestMaterials_ALongerListThanTheLogHolds_IsRefused_AndTheCaseStaysAsItWas()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.InProgress);
        var logLines = c.Log.Count;

        var error = Assert.Throws<DomainRuleException>(() => c.RequestMaterials(Enumerable.Range(1,
            30).Select(i => $"{i}{new string('材', 899)}").ToList(), Agent, Monday));
        var tooMany = Assert.Throws<DomainRuleException>(() => c.RequestMaterials(Enumerable.Range(1,
            30).Select(i => $"{i}{new string('材', 90)}").ToList(), Agent, Monday));

        Assert.Equal("field.too_long", error.Code);
        Assert.Equal("materials.list_too_long", tooMany.Code);
        Assert.Equal(CaseStatus.InProgress, c.Status);
        Assert.Equal(logLines, c.Log.Count);
        Assert.All(c.Log, l => Assert.True(l.Content.Length <= LogEntry.MaxContentLength));
    }

    [Fact]
    public void AddWorkingDays_AtTheEndOfTime_IsRefusedInChinese_NotAnOverflow()
    {
        var error = Assert.Throws<DomainRuleException>(() => WorkCalendar.AddWorkingDays(DateOnly.MaxValue, 5));

        Assert.Equal("calendar.out_of_range", error.Code);
    }

    [Fact]
    public void EnsureCovers_RefusesAYearWithoutHolidayData()
    {
        WorkCalendar.EnsureCovers(new DateOnly(2026, 2, 12));

        var error = Assert.Throws<DomainRuleException>(() => WorkCalendar.EnsureCovers(new DateOnly(9999, 12, 31)));

        Assert.Equal("calendar.year_not_covered", error.Code);
        Assert.Contains("2025年至2026年", error.Message);
    }

    [Fact]
    public void AClosedCase_SaysItsStatusOnce()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.Archived);

        var error = Assert.Throws<DomainRuleException>(() => c.AddWorkLog("补记", null, null, null, false, true, Agent,
            Monday));

        Assert.DoesNotContain("已已", error.Message);
        Assert.Contains("“已归档”", error.Message);
    }
}
