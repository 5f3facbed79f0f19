using System.Text.RegularExpressions;
using Daiban.Core.Calendar;
using Daiban.Core.Catalog;

namespace Daiban.Core.Consultation;

/// <summary>
/// Questions about a date, answered from the holiday table by the same working-day count the cases use
/// (<see cref="BusinessCalendar"/>): "5月6号交的，10个工作日，哪天到期", "5月9号算工作日不", "端午节后第一个工作日是哪天".
/// Every date it states is computed from a date the asker gave, a number of days the asker or the catalogue gave,
/// and the table; without those it says nothing.
/// </summary>
public static partial class DateAnswers
{
    private static readonly string[] DueCues = ["哪天", "几号", "到期", "最晚", "办完", "截止", "到哪天", "啥时候能", "什么时候能"];
    // A single date and one of these asks whether that day is worked ("5月9号能去大厅交材料不", "10月8号开门吗").
    private static readonly string[] WorkdayCues =
        ["工作日", "上班", "放假", "休息", "假期", "开门", "办事", "办公", "大厅", "窗口", "交材料", "补班", "调休"];
    // A holiday named without a date and one of these asks for its days off and make-up days ("国庆放几天"); asking
    // whether a holiday counts in a limit ("春节放假算不算") is the time-limit rule's question, not this one.
    private static readonly string[] HolidayDaysCues =
        ["放几天", "放了几天", "几天假", "放假安排", "哪几天", "休几天", "放多久", "补班", "调休"];
    // Not 时限: the lexicon adds it to every question with 几天 in it.
    private static readonly string[] LimitCues = ["算不算", "期间", "起算", "计算", "审批"];
    private static readonly (string Said, string Name)[] HolidayNames =
    [
        ("元旦", "元旦"), ("春节", "春节"), ("过年", "春节"), ("清明", "清明"), ("劳动节", "劳动节"), ("五一", "劳动节"),
        ("端午", "端午"), ("中秋", "中秋"), ("国庆", "国庆"), ("十一", "国庆"),
    ];

    /// <summary>Asks when a limit ends from a date it names: then it is a follow-up about the item.</summary>
    public static bool AsksDue(string text) => Dates(text, LeapYear).Count > 0 && Has(text, DueCues);

    // Only to tell whether the text names a date at all (2月29日 included).
    private const int LeapYear = 2024;

    /// <param name="year">The year of a date named without one (this year, if the table covers it).</param>
    public static BotAnswer? Answer(string text, IReadOnlyList<ApprovalItem> items, BusinessCalendar calendar, int year)
    {
        var dates = Dates(text, year).Where(d => calendar.Years.Contains(d.Year)).ToList();
        if (dates.Count > 0 && Has(text, DueCues) && DaysAsked(text, items) is { } days)
        {
            var due = calendar.AddWorkingDays(dates[0], days.Count);
            var answer = $"从{Day(dates[0])}受理起算（受理当日不计），{days.Why}{days.Count}个工作日（不含周末和法定节假日，" +
                         $"调休上班日算工作日），到{Day(due)}（{Weekday(due)}）。实际以受理日期和窗口告知为准。";
            List<BotSource> sources = days.Item is { } item
                ? [ItemSource(item), HolidaySource(dates[0].Year)]
                : [HolidaySource(dates[0].Year)];
            return new BotAnswer(answer, false, BotIntents.ItemTimeLimit, sources);
        }
        if (dates.Count == 1 && Has(text, WorkdayCues))
        {
            var date = dates[0];
            var working = calendar.IsWorkingDay(date);
            var why = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
                ? (working ? "，是调休上班日" : "，是周末")
                : (working ? "" : "，是法定节假日");
            var answer = $"{Day(date)}是{Weekday(date)}{why}，{(working ? "算工作日，正常上班" : "不算工作日，不上班")}。";
            return new BotAnswer(answer, false, BotIntents.Consult, [HolidaySource(date.Year)]);
        }
        if (dates.Count == 0 && HolidayAfter(text, calendar, year) is { } after)
            return after;
        if (dates.Count == 0 && HolidayDays(text, calendar, year) is { } daysOff)
            return daysOff;
        return null;
    }

    /// <summary>"2026年国庆节放几天假", "五一以后哪天周六要补班": the days off and the make-up working days.</summary>
    private static BotAnswer? HolidayDays(string text, BusinessCalendar calendar, int year)
    {
        if (YearWord().Match(text) is { Success: true } said)
            year = int.Parse(said.Groups[1].Value);
        if (!Has(text, HolidayDaysCues) || Has(text, LimitCues) || !calendar.Years.Contains(year))
            return null;
        var named = HolidayNames.FirstOrDefault(h => text.Contains(h.Said, StringComparison.Ordinal)).Name;
        if (named is null || calendar.Holiday(year, named) is not { Count: > 0 } off)
            return null;
        var makeUp = calendar.MakeUpWorkdays(year, named);
        var answer = $"{year}年{named}假期为{Day(off[0])}至{Day(off[^1])}，共{off.Count}天" + (makeUp.Count == 0
            ? "，不调休。"
            : "；调休上班：" + string.Join("、", makeUp.Select(d => $"{Day(d)}（{Weekday(d)}）")) + "，这几天算工作日。");
        return new BotAnswer(answer, false, BotIntents.Consult, [HolidaySource(year)]);
    }

    /// <summary>"端午节后第一个工作日是哪天", "国庆放假期间提交的，什么时候开始算".</summary>
    private static BotAnswer? HolidayAfter(string text, BusinessCalendar calendar, int year)
    {
        if (YearWord().Match(text) is { Success: true } said)
            year = int.Parse(said.Groups[1].Value);
        if (!Has(text, ["第一个工作日", "开始算", "起算"]) || !calendar.Years.Contains(year))
            return null;
        var named = HolidayNames.FirstOrDefault(h => text.Contains(h.Said, StringComparison.Ordinal)).Name;
        if (named is null || calendar.Holiday(year, named) is not { Count: > 0 } off)
            return null;
        var first = calendar.NextWorkingDayOnOrAfter(off[^1].AddDays(1));
        var answer = $"{year}年{named}假期为{Day(off[0])}至{Day(off[^1])}，节后第一个工作日是{Day(first)}（{Weekday(first)}）；" +
                     "假期中提交的申请从节后第一个工作日受理起算。";
        return new BotAnswer(answer, false, BotIntents.Consult, [HolidaySource(year)]);
    }

    /// <summary>The working days to count: as said ("10个工作日"), else the named item's promised days.</summary>
    private static (int Count, string Why, ApprovalItem? Item)? DaysAsked(string text,
        IReadOnlyList<ApprovalItem> items)
    {
        if (SaidDays().Match(text) is { Success: true } said && int.TryParse(said.Groups[1].Value, out var n)
            && n is > 0 and < 400)
            return (n, "", items.Count == 1 ? items[0] : null);
        if (items.Count == 1 && items[0].PromisedDays is { } promised)
            return (promised, $"【{items[0].Name}】承诺办结时限", items[0]);
        return null;
    }

    private static List<DateOnly> Dates(string text, int year)
    {
        var list = new List<DateOnly>();
        foreach (Match m in DateWords().Matches(text))
        {
            var y = m.Groups[1].Success ? int.Parse(m.Groups[1].Value) : year;
            if (int.TryParse(m.Groups[2].Value, out var month) && int.TryParse(m.Groups[3].Value, out var day)
                && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, month))
                list.Add(new DateOnly(y, month, day));
        }
        return list;
    }

    private static BotSource ItemSource(ApprovalItem item) => new($"审批事项目录：{item.Name}", $"item:{item.Code}");

    private static BotSource HolidaySource(int year) => new($"{year}年节假日放假安排", $"holidays:{year}");

    private static string Day(DateOnly d) => $"{d.Month}月{d.Day}日";

    private static string Weekday(DateOnly d) => "星期" + "日一二三四五六"[(int)d.DayOfWeek];

    private static bool Has(string text, string[] cues) => cues.Any(c => text.Contains(c, StringComparison.Ordinal));

    [GeneratedRegex(@"(?:(20\d\d)年)?(\d{1,2})月(\d{1,2})[号日]")]
    private static partial Regex DateWords();

    [GeneratedRegex(@"(20\d\d)年")]
    private static partial Regex YearWord();

    [GeneratedRegex(@"(\d{1,3})个?工作日")]
    private static partial Regex SaidDays();
}
