namespace Daiban.Core.Calendar;

/// <summary>Every date the service shows or counts is a date in China (Asia/Shanghai), whatever the server's zone.</summary>
public static class ChinaTime
{
    // "China Standard Time" breaks under invariant globalization on Linux; the IANA id works everywhere .NET runs here.
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>An instant as notices show it: 2026年3月2日 09:05 in China time.</summary>
    public static string Display(DateTimeOffset instant) => $"{TimeZoneInfo.ConvertTime(instant, Zone):yyyy年M月d日 HH:mm}";

    /// <summary>A date as notices show it: 2026年3月2日.</summary>
    public static string Display(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
