using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Daiban.Core.Notifications;

/// <summary>
/// Before a unit of work is written, takes the events its aggregates recorded and lets <see cref="Notices"/> add
/// their notification rows to it: they commit with the change (the outbox's rule of one transaction), and a change
/// that is refused before saving records no event and so tells nobody.
/// </summary>
public sealed class NoticeInterceptor(Notices notices) : SaveChangesInterceptor
{
    public Notices Notices => notices;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DaibanDbContext db)
            await RecordAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // Daiban saves asynchronously; a synchronous save (tools) still must not lose a notice.
        if (eventData.Context is DaibanDbContext db)
            RecordAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task RecordAsync(DaibanDbContext db, CancellationToken ct)
    {
        var events = db.ChangeTracker.Entries<IRecordsEvents>().Select(e => e.Entity).ToList()
            .SelectMany(s => s.TakeEvents()).OrderBy(e => e.At).ToList();
        foreach (var e in events)
            await notices.OnAsync(db, e, ct);
    }
}

public static class NoticesOfContext
{
    /// <summary>The <see cref="Notices"/> of this context's interceptor, for rows built outside events.</summary>
    public static Notices Notices(this DaibanDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors
            ?.OfType<NoticeInterceptor>().FirstOrDefault()?.Notices
        ?? throw new InvalidOperationException("The context was configured without its NoticeInterceptor.");
}
