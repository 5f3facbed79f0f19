using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Calendar;

public static class BusinessCalendarLoader
{
    /// <summary>The holiday table is a few dozen rows a year: read whole, it is cheaper than any cache invalidation.</summary>
    public static async Task<BusinessCalendar> LoadBusinessCalendarAsync(this DaibanDbContext db, CancellationToken ct) =>
        new(await db.CalendarDays.AsNoTracking().ToListAsync(ct));
}
