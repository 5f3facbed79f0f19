using Daiban.Core.Cases;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Cases;

/// <summary>The window's queue: how long a case has waited, in working days, and when registration is late.</summary>
public sealed class WindowWaitTests
{
    private static readonly DateOnly MondayDate = DateOnly.FromDateTime(Monday.Date);

    [Fact]
    public void AnApplication_IsLateToRegister_AfterTheRuleWorkingDays_NotCountingTheWeekend()
    {
        WindowWait? On(DateOnly today) =>
            WindowWaits.For(CaseStatus.Submitted, Monday, null, WorkCalendar, 1, today);

        Assert.Equal(new WindowWait(0, false, 1), On(MondayDate));
        Assert.Equal(new WindowWait(1, false, 1), On(MondayDate.AddDays(1)));
        Assert.Equal(new WindowWait(2, true, 1), On(MondayDate.AddDays(2)));
        // Friday arrival, Monday: one working day, not three days.
        var friday = Monday.AddDays(4);
        Assert.Equal(new WindowWait(1, false, 1),
            WindowWaits.For(CaseStatus.Submitted, friday, null, WorkCalendar, 1, MondayDate.AddDays(7)));
    }

    [Fact]
    public void ARegisteredCase_WaitsFromItsRegistration_AndOtherStatesAreNotInTheQueue()
    {
        var registered = WindowWaits.For(CaseStatus.Registered, Monday, Monday.AddDays(1), WorkCalendar, 1,
            MondayDate.AddDays(3));

        Assert.Equal(new WindowWait(2, false, null), registered);
        Assert.Null(WindowWaits.For(CaseStatus.InProgress, Monday, Monday, WorkCalendar, 1, MondayDate.AddDays(3)));
    }
}
