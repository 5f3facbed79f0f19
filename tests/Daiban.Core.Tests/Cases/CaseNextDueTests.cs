using Daiban.Core.Cases;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Cases;

/// <summary>The case keeps its soonest running due date in step with every change to an item's clock.</summary>
public sealed class CaseNextDueTests
{
    private static readonly DateOnly MondayDate = DateOnly.FromDateTime(Monday.Date);

    private static Case Working()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.Assigned);
        c.Start(Agent, Monday);
        return c;
    }

    private static DateOnly? Soonest(Case c) => c.Items.Where(i => i.RunningDueOn is not null).Min(i => i.RunningDueOn);

    private static void AssertTracked(Case c, DateOnly? expected)
    {
        Assert.Equal(expected, c.NextDueOn);
        Assert.Equal(Soonest(c), c.NextDueOn);
        Assert.Equal(expected ?? DateOnly.MaxValue, c.UrgencyDate);
    }

    [Fact]
    public void EveryClockChange_KeepsTheSoonestRunningDueDate()
    {
        var c = Working();
        AssertTracked(c, null);

        c.SubmitItem("S3-03", MondayDate, null, WorkCalendar, Agent, Monday);
        var s303 = c.Items.Single(i => i.ItemCode == "S3-03").DueOn;
        AssertTracked(c, s303);

        c.SubmitItem("S3-01", MondayDate.AddDays(1), null, WorkCalendar, Agent, Monday);
        var s301 = c.Items.Single(i => i.ItemCode == "S3-01").DueOn;
        AssertTracked(c, s303 < s301 ? s303 : s301);

        c.PauseItemClock("S3-03", PauseReason.ExpertReview, "专家评审", MondayDate.AddDays(2), WorkCalendar, Agent,
            Monday);
        AssertTracked(c, s301);

        c.ResumeItemClock("S3-03", MondayDate.AddDays(9), WorkCalendar, Agent, Monday);
        AssertTracked(c, Soonest(c));
        Assert.NotNull(c.NextDueOn);

        c.ApproveItem("S3-03", "SG-1", null, Agent, Monday);
        AssertTracked(c, c.Items.Single(i => i.ItemCode == "S3-01").RunningDueOn);

        c.RefuseItem("S3-01", "材料不符合要求", Agent, Monday);
        AssertTracked(c, null);
    }

    [Fact]
    public void ACaseEndedEarly_HasNoRunningDueDate()
    {
        var c = Working();
        c.SubmitItem("S3-03", MondayDate, null, WorkCalendar, Agent, Monday);
        Assert.NotNull(c.NextDueOn);

        c.Withdraw("企业不再需要", Contact, Monday);

        AssertTracked(c, null);
    }
}
