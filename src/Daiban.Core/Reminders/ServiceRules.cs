namespace Daiban.Core.Reminders;

/// <summary>
/// The service's time rules in working days, as configuration ("ServiceRules" section). The policy fixes 限时办结,
/// 事后评价 and 抽查回访 but not these numbers; the defaults are the team's decision (docs/architecture.md §10).
/// </summary>
public sealed class ServiceRules
{
    public const string SectionName = "ServiceRules";

    /// <summary>Remind the agent this many working days before an item's due date (and on the day, and daily when overdue).</summary>
    public int[] ItemReminderWorkingDays { get; set; } = [3, 1];
    /// <summary>An item overdue this many working days is escalated to the supervisors.</summary>
    public int OverdueEscalationWorkingDays { get; set; } = 3;
    /// <summary>The window registers an online application within this many working days.</summary>
    public int RegistrationWorkingDays { get; set; } = 1;
    /// <summary>The agent contacts the enterprise within this many working days of assignment.</summary>
    public int FirstContactWorkingDays { get; set; } = 1;
    /// <summary>The agent proposes the 包办 service plan within this many working days of assignment.</summary>
    public int FullServicePlanWorkingDays { get; set; } = 3;
    /// <summary>A timeliness reminder not acted on for this many more working days goes to the supervisors.</summary>
    public int TimelinessEscalationWorkingDays { get; set; } = 1;
    /// <summary>Remind a difficult issue's liaison this many working days before its deadline (and on the day).</summary>
    public int IssueReminderWorkingDays { get; set; } = 1;
    /// <summary>Requested supplementary materials are due this many working days after the request.</summary>
    public int MaterialsSupplyWorkingDays { get; set; } = 5;
    /// <summary>Remind the enterprise to evaluate when it has not after this many working days.</summary>
    public int EvaluationReminderWorkingDays { get; set; } = 3;
    /// <summary>The evaluation window after delivery (Shandong: 5 working days).</summary>
    public int EvaluationWindowWorkingDays { get; set; } = 5;
    /// <summary>A bad review's rectification and callback are due within this many working days (德州 practice).</summary>
    public int RectificationWorkingDays { get; set; } = 5;
    /// <summary>A spot-check callback is due within this many working days of being drawn.</summary>
    public int CallbackWorkingDays { get; set; } = 5;
    /// <summary>Share of the week's completed cases drawn for a spot-check callback (bad reviews always get one).</summary>
    public double SpotCheckShare { get; set; } = 0.10;
}
