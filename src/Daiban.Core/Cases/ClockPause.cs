namespace Daiban.Core.Cases;

public enum PauseReason
{
    /// <summary>补正: waiting for the enterprise's materials.</summary>
    AwaitingSupplement,
    /// <summary>专家评审.</summary>
    ExpertReview,
    /// <summary>听证.</summary>
    Hearing,
    /// <summary>检验、检测、检疫、鉴定.</summary>
    Testing,
    /// <summary>公示 / 招标 / 拍卖 and other excluded periods.</summary>
    Publicity,
}

public static class PauseReasons
{
    public static string Name(this PauseReason reason) => reason switch
    {
        PauseReason.AwaitingSupplement => "等待补正材料",
        PauseReason.ExpertReview => "专家评审",
        PauseReason.Hearing => "听证",
        PauseReason.Testing => "检验检测",
        PauseReason.Publicity => "公示",
        _ => reason.ToString(),
    };
}

/// <summary>
/// A period the licensing law excludes from a time limit. Working days after the pause day up to and including
/// the resume day are not counted: the pause day was worked, and counting restarts the day after resumption,
/// just as it starts the day after acceptance.
/// </summary>
public sealed class ClockPause
{
    private ClockPause() { }

    internal ClockPause(DateOnly pausedOn, PauseReason reason, string? note)
    {
        PausedOn = pausedOn;
        Reason = reason;
        Note = note;
    }

    public long Id { get; private set; }
    public DateOnly PausedOn { get; private set; }
    public DateOnly? ResumedOn { get; private set; }
    public PauseReason Reason { get; private set; }
    public string? Note { get; private set; }

    public bool IsOpen => ResumedOn is null;

    internal void Resume(DateOnly on) => ResumedOn = on < PausedOn ? PausedOn : on;
}
