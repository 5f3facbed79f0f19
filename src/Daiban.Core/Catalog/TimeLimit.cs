namespace Daiban.Core.Catalog;

public enum TimeLimitUnit
{
    /// <summary>工作日, the licensing law's unit.</summary>
    WorkingDays,
    /// <summary>日/天 as some laws write it (建筑法 7 日, 环评 60/30 日).</summary>
    CalendarDays,
    /// <summary>即办: completed on the spot.</summary>
    Immediate,
    /// <summary>No fixed limit (e.g. a filing complete on receipt, or a local rule not yet published).</summary>
    None,
}

public static class TimeLimitUnits
{
    public static string Name(this TimeLimitUnit unit) => unit switch
    {
        TimeLimitUnit.WorkingDays => "工作日",
        TimeLimitUnit.CalendarDays => "自然日",
        TimeLimitUnit.Immediate => "即办",
        TimeLimitUnit.None => "无固定时限",
        _ => unit.ToString(),
    };
}

/// <summary>A limit exactly as the item list publishes it: a number and its unit.</summary>
public sealed record TimeLimit(int? Value, TimeLimitUnit Unit)
{
    public static readonly TimeLimit NotFixed = new(null, TimeLimitUnit.None);

    public override string ToString() => Unit switch
    {
        TimeLimitUnit.WorkingDays => $"{Value}个工作日",
        TimeLimitUnit.CalendarDays => $"{Value}日",
        TimeLimitUnit.Immediate => "即办",
        _ => "无固定时限",
    };
}
