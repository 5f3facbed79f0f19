namespace Daiban.Core.Calendar;

public enum CalendarDayKind
{
    /// <summary>A statutory holiday or a rest day moved by the State Council notice (放假).</summary>
    Holiday,
    /// <summary>A weekend day that is worked to make up for a holiday (调休上班).</summary>
    MakeUpWorkday,
}

public static class CalendarDayKinds
{
    public static string Name(this CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => "放假",
        CalendarDayKind.MakeUpWorkday => "调休上班",
        _ => kind.ToString(),
    };
}

/// <summary>An exception to the Monday–Friday rule, taken from the yearly State Council holiday notice.</summary>
public sealed class CalendarDay
{
    private CalendarDay() { }

    public CalendarDay(DateOnly date, CalendarDayKind kind, string name)
    {
        Date = date;
        Kind = kind;
        Name = name;
    }

    public long Id { get; private set; }
    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; private set; }
    public string Name { get; private set; } = "";

    public void Change(CalendarDayKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }
}
