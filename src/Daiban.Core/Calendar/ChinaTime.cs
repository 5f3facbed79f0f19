namespace Daiban.Core.Calendar;

/// <summary>Every date the service shows or counts is a date in China (Asia/Shanghai), whatever the server's zone.</summary>
public static class ChinaTime
{
    // "China Standard Time" breaks under invariant globalization on Linux; the IANA id works everywhere .NET runs here.
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
