using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Daiban.Core.Auditing;

/// <summary>
/// Writes the context's <see cref="AuditTrail"/> as <see cref="AuditEntry"/> rows in the SaveChanges that stores the
/// change. An entry about an entity this same save inserts needs the id the database assigns: it is written right
/// after the insert, in the same transaction (opened here when the caller has none), so the caller still saves once
/// and both land or neither does.
/// </summary>
internal sealed class AuditingInterceptor : SaveChangesInterceptor
{
    public static readonly AuditingInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is DaibanDbContext db && Prepare(db))
            db.AuditState.OwnedTransaction = db.Database.BeginTransaction();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DaibanDbContext db && Prepare(db))
            db.AuditState.OwnedTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is DaibanDbContext db && WriteAfterInsert(db) is { } state)
        {
            db.SaveChanges();
            state.OwnedTransaction?.Commit();
            state.EndTransaction();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DaibanDbContext db && WriteAfterInsert(db) is { } state)
        {
            await db.SaveChangesAsync(cancellationToken);
            if (state.OwnedTransaction is { } transaction)
                await transaction.CommitAsync(cancellationToken);
            state.EndTransaction();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Adds the entries whose ids are known; true when others wait for an insert and need a transaction.</summary>
    private static bool Prepare(DaibanDbContext db)
    {
        if (db.Audit.IsEmpty)
            return false;
        var state = db.AuditState;
        // SaveChanges detects changes only after this callback; an entity new in a tracked graph must show as Added.
        db.ChangeTracker.DetectChanges();
        foreach (var record in db.Audit.TakeAll())
        {
            if (record.NewEntity is { } entity && db.Entry(entity).State == EntityState.Added)
                state.AfterInsert.Add(record);
            else
                db.AuditEntries.Add(AuditTrail.Entry(record));
        }
        return state.AfterInsert.Count > 0 && db.Database.CurrentTransaction is null && state.OwnedTransaction is null;
    }

    private static AuditState? WriteAfterInsert(DaibanDbContext db)
    {
        var state = db.AuditState;
        if (state.AfterInsert.Count == 0)
            return null;
        foreach (var record in state.AfterInsert)
            db.AuditEntries.Add(AuditTrail.Entry(record));
        state.AfterInsert.Clear();
        return state;
    }

    private static void Abandon(DbContext? context)
    {
        if (context is not DaibanDbContext db)
            return;
        db.AuditState.AfterInsert.Clear();
        // Disposing rolls back: neither the change nor its audit stays.
        db.AuditState.EndTransaction();
    }
}

/// <summary>The interceptor's bookkeeping for one context, between its saving and saved callbacks.</summary>
internal sealed class AuditState
{
    public List<AuditTrail.Pending> AfterInsert { get; } = [];

    public IDbContextTransaction? OwnedTransaction { get; set; }

    public void EndTransaction()
    {
        OwnedTransaction?.Dispose();
        OwnedTransaction = null;
    }
}
