using Daiban.Core.Calendar;
using Daiban.Core.Common;
using Daiban.Core.Seed;

namespace Daiban.Core.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = new(ReferenceData.ShippedCalendarDays());

    private static DateOnly D(string iso) => DateOnly.Parse(iso);

    [Theory]
    // 2026 春节: 2-15 … 2-23 off; Saturday 2-14 and Saturday 2-28 are make-up working days.
    [InlineData("2026-02-12", 1, "2026-02-13")]
    [InlineData("2026-02-12", 2, "2026-02-14")]
    [InlineData("2026-02-12", 3, "2026-02-24")]
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-02-14", 1, "2026-02-24")]
    [InlineData("2026-02-27", 1, "2026-02-28")]
    [InlineData("2026-02-27", 2, "2026-03-02")]
    [InlineData("2026-02-10", 9, "2026-02-28")]
    [InlineData("2026-02-10", 10, "2026-03-02")]
    // 元旦 2026: 1-1 … 1-3 off, Sunday 1-4 worked.
    [InlineData("2025-12-31", 1, "2026-01-04")]
    // 国庆 2026: Sunday 9-20 worked, 10-1 … 10-7 off, Saturday 10-10 worked.
    [InlineData("2026-09-18", 1, "2026-09-20")]
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-10-09", 1, "2026-10-10")]
    // An ordinary week: Friday + 1 is Monday; zero days is the start day itself.
    [InlineData("2026-03-06", 1, "2026-03-09")]
    [InlineData("2026-03-06", 0, "2026-03-06")]
    public void AddWorkingDays_CountsFromTheNextDay_AcrossHolidaysAndMakeUpDays(string start, int days, string expected) =>
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days));

    [Theory]
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-15", false)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-02-23", false)]
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-03-01", false)]
    [InlineData("2026-03-02", true)]
    [InlineData("2025-01-26", true)]
    public void IsWorkingDay_FollowsTheStateCouncilNotice(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(D(date)));

    [Fact]
    public void WorkingDaysBetween_IsHalfOpen()
    {
        Assert.Equal(6, Calendar.WorkingDaysBetween(D("2026-02-13"), D("2026-02-28")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2026-02-15"), D("2026-02-23")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2026-03-02"), D("2026-03-02")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2026-03-05"), D("2026-03-02")));
    }

    [Fact]
    public void WorkingDaysLeft_CountsAcrossTheHoliday_NegativeOnceOverdue()
    {
        Assert.Equal(6, Calendar.WorkingDaysLeft(D("2026-02-28"), D("2026-02-13")));
        Assert.Equal(-6, Calendar.WorkingDaysLeft(D("2026-02-13"), D("2026-02-28")));
        Assert.Equal(0, Calendar.WorkingDaysLeft(D("2026-03-02"), D("2026-03-02")));
    }

    [Fact]
    public void NextWorkingDayOnOrAfter_SkipsTheHoliday() =>
        Assert.Equal(D("2026-02-24"), Calendar.NextWorkingDayOnOrAfter(D("2026-02-15")));

    [Fact]
    public void AddWorkingDays_RefusesNegative() =>
        Assert.Throws<DomainRuleException>(() => Calendar.AddWorkingDays(D("2026-03-02"), -1));

    [Fact]
    public void Calendar_WithoutData_IsMondayToFriday()
    {
        var plain = new BusinessCalendar([]);
        Assert.Equal(D("2026-02-16"), plain.AddWorkingDays(D("2026-02-13"), 1));
    }

    [Fact]
    public void ChinaTime_DateOf_UsesShanghaiNotUtc() =>
        // 23:30 UTC on 1 March is 07:30 on 2 March in Rushan.
        Assert.Equal(D("2026-03-02"), ChinaTime.DateOf(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero)));
}
