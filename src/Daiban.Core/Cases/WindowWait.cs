using Daiban.Core.Calendar;

namespace Daiban.Core.Cases;

/// <summary>
/// How long a case has waited at the window, and whether that is past the window's limit: the configured working days
/// to register an application, sent with the wait so the queue states the rule the server applies.
/// </summary>
public sealed record WindowWait(int WorkingDays, bool Late, int? LimitWorkingDays);

/// <summary>
/// The window's own queue: an online application waits to be registered (within
/// <c>ServiceRules.RegistrationWorkingDays</c>), a registered case waits for its agent. Counted in working days
/// from the day it arrived; the day itself is not counted.
/// </summary>
public static class WindowWaits
{
    public static WindowWait? For(CaseStatus status, DateTimeOffset submittedAt, DateTimeOffset? registeredAt,
        BusinessCalendar calendar, int registrationWorkingDays, DateOnly today)
    {
        var since = status switch
        {
            CaseStatus.Submitted => submittedAt,
            CaseStatus.Registered => registeredAt ?? submittedAt,
            _ => (DateTimeOffset?)null,
        };
        if (since is not { } from)
            return null;
        var day = ChinaTime.DateOf(from);
        var waited = today > day ? calendar.WorkingDaysBetween(day, today) : 0;
        // Only registration has a limit; a registered case simply waits for its agent.
        return status == CaseStatus.Submitted
            ? new WindowWait(waited, waited > registrationWorkingDays, registrationWorkingDays)
            : new WindowWait(waited, false, null);
    }
}
