using System.Data.Common;
using System.Runtime.CompilerServices;
using Daiban.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Daiban.Core.Persistence;

/// <summary>
/// Raises <see cref="INotificationSignal"/> once notifications added in a save are committed: right after the save
/// when it ran in its own transaction, after the commit when it ran inside an explicit one (never on a rollback).
/// Never before the commit, so a woken dispatcher always finds the rows.
/// </summary>
internal sealed class NotificationCommitSignal(INotificationSignal signal)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class State
    {
        public bool Adding;
        public bool AwaitingCommit;
    }

    private readonly ConditionalWeakTable<DbContext, State> _states = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
        => RolledBack(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
            return;
        var tracker = context.ChangeTracker;
        // Notifications are added through their DbSet, so they are Added already: no second DetectChanges over a
        // sweep's thousands of tracked rows just to find them.
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            _states.GetOrCreateValue(context).Adding =
                tracker.Entries<Notification>().Any(e => e.State == EntityState.Added);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_states.TryGetValue(context, out var state) || !state.Adding)
            return;
        state.Adding = false;
        if (context.Database.CurrentTransaction is null)
            signal.NotificationsCommitted();
        else
            state.AwaitingCommit = true;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _states.TryGetValue(context, out var state))
            state.Adding = false;
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_states.TryGetValue(context, out var state) || !state.AwaitingCommit)
            return;
        state.AwaitingCommit = false;
        signal.NotificationsCommitted();
    }

    private void RolledBack(DbContext? context)
    {
        if (context is not null && _states.TryGetValue(context, out var state))
            state.AwaitingCommit = false;
    }
}
