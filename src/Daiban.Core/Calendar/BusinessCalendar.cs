using Daiban.Core.Common;

namespace Daiban.Core.Calendar;

/// <summary>
/// Working days per Chinese practice: Monday to Friday, minus statutory holidays, plus make-up working days.
/// Time limits (承诺时限, 法定时限) are counted from the day after acceptance, as the Administrative Licensing
/// Law counts them, so a limit of N working days ends on the N-th working day after the start date.
/// </summary>
public sealed class BusinessCalendar
{
    // Guards loops against a calendar that would never reach a working day (e.g. a corrupt data set).
    private const int MaxScanDays = 3660;

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;
    private readonly ILookup<(int Year, string Name), DateOnly> _named;
    private readonly ILookup<(int Year, string Name), DateOnly> _namedMakeUp;

    public BusinessCalendar(IEnumerable<CalendarDay> days)
    {
        var list = days.ToList();
        _holidays = list.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToHashSet();
        _makeUpWorkdays = list.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date).ToHashSet();
        _named = list.Where(d => d.Kind == CalendarDayKind.Holiday).ToLookup(d => (d.Date.Year, d.Name), d => d.Date);
        _namedMakeUp = list.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday)
            .ToLookup(d => (d.Date.Year, d.Name), d => d.Date);
        Years = list.Select(d => d.Date.Year).Distinct().Order().ToList();
    }

    /// <summary>The years whose holidays and make-up days are in the table (from the State Council notices).</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>
    /// Refuses a start date in a year the table has no data for: a due date counted there would ignore its
    /// holidays (and far-off dates overflow). A limit may still run into the following year, as items do in November.
    /// </summary>
    public void EnsureCovers(DateOnly date)
    {
        if (!Years.Contains(date.Year))
            throw DomainRuleException.Invalid("calendar.year_not_covered", Years.Count == 0
                ? "节假日数据尚未导入，暂不能计算办结日期。"
                : $"节假日数据只覆盖{Years[0]}年至{Years[^1]}年，请选择这段时间内的日期。");
    }

    /// <summary>The days off of the holiday whose name contains <paramref name="name"/> ("国庆": "国庆节、中秋节").</summary>
    public IReadOnlyList<DateOnly> Holiday(int year, string name) => Named(_named, year, name);

    /// <summary>
    /// The make-up working days (调休上班) that go with the holiday whose name contains <paramref name="name"/>.
    /// </summary>
    public IReadOnlyList<DateOnly> MakeUpWorkdays(int year, string name) => Named(_namedMakeUp, year, name);

    private static List<DateOnly> Named(ILookup<(int Year, string Name), DateOnly> days, int year, string name) => days
        .Where(g => g.Key.Year == year && g.Key.Name.Contains(name, StringComparison.Ordinal))
        .SelectMany(g => g).Order().ToList();

    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.Contains(date))
            return false;
        if (_makeUpWorkdays.Contains(date))
            return true;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The N-th working day after <paramref name="start"/> (the start day itself never counts).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        if (workingDays < 0)
            throw DomainRuleException.Invalid("calendar.negative_days", "工作日数不能为负数。");
        var date = start;
        var counted = 0;
        var scanned = 0;
        while (counted < workingDays)
        {
            if (date == DateOnly.MaxValue)
                throw DomainRuleException.Invalid("calendar.out_of_range", "日期超出可计算的范围，请核对受理日期。");
            date = date.AddDays(1);
            if (IsWorkingDay(date))
                counted++;
            if (++scanned > MaxScanDays)
                throw new InvalidOperationException("The business calendar has no working days in range.");
        }
        return date;
    }

    /// <summary>Working days in the half-open range (from, to]: how many working days elapse after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to <= from)
            return 0;
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
                count++;
        }
        return count;
    }

    /// <summary>
    /// Working days from <paramref name="today"/> to a due date: 0 on the day, negative once overdue (剩3个工作日,
    /// 已逾期2个工作日), as every page that shows a due date says it.
    /// </summary>
    public int WorkingDaysLeft(DateOnly due, DateOnly today) =>
        due >= today ? WorkingDaysBetween(today, due) : -WorkingDaysBetween(due, today);

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        for (var i = 0; i < MaxScanDays; i++)
        {
            if (IsWorkingDay(date))
                return date;
            date = date.AddDays(1);
        }
        throw new InvalidOperationException("The business calendar has no working days in range.");
    }
}
