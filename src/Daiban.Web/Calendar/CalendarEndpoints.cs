using Daiban.Core.Calendar;
using Daiban.Core.Common;
using Daiban.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Calendar;

/// <summary>
/// The business calendar as the public sees it: holidays, make-up days, and due dates in working days.
/// </summary>
public static class CalendarEndpoints
{
    public sealed record CalendarDayResponse(DateOnly Date, CalendarDayKind Kind, string Name);

    public sealed record DueDateResponse(DateOnly From, int WorkingDays, DateOnly DueDate, int CalendarDays);

    public static RouteGroupBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/calendar").WithTags("Calendar");
        g.MapGet("/days", GetDaysAsync).WithName("GetCalendarDays").WithSummary("某年的法定节假日与调休上班日");
        g.MapGet("/due-date", GetDueDateAsync).WithName("GetDueDate").WithSummary("从受理日起算N个工作日的办结日期");
        return g;
    }

    internal static async Task<Ok<List<CalendarDayResponse>>> GetDaysAsync(int year, [AsParameters] RequestContext x)
    {
        if (year is < 2000 or > 2100)
            throw DomainRuleException.Invalid("calendar.year_invalid", "年份应在2000到2100之间。");
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var days = await x.Db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to)
            .OrderBy(d => d.Date).Select(d => new CalendarDayResponse(d.Date, d.Kind, d.Name))
            .ToListAsync(x.Cancellation);
        return TypedResults.Ok(days);
    }

    /// <param name="from">Acceptance date (yyyy-MM-dd); it does not count.</param>
    /// <param name="workingDays">The limit in working days (0–250).</param>
    internal static async Task<Ok<DueDateResponse>> GetDueDateAsync(DateOnly from, int workingDays,
        [AsParameters] RequestContext x)
    {
        if (workingDays is < 0 or > 250)
            throw DomainRuleException.Invalid("calendar.days_invalid", "工作日数应在0到250之间。");
        var calendar = await x.Db.LoadBusinessCalendarAsync(x.Cancellation);
        calendar.EnsureCovers(from);
        var due = calendar.AddWorkingDays(from, workingDays);
        return TypedResults.Ok(new DueDateResponse(from, workingDays, due, due.DayNumber - from.DayNumber));
    }
}
