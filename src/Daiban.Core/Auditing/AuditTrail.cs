using Daiban.Core.Common;

namespace Daiban.Core.Auditing;

/// <summary>
/// What a unit of work audits, stated once where the change is made: <see cref="AuditingInterceptor"/> turns each
/// record into an <see cref="AuditEntry"/> row in the same SaveChanges (and the same transaction) as the change, so
/// a change is never stored without its audit row nor an audit row without its change. Details are stored as
/// given: mask person data first (<see cref="PersonalData"/>).
/// </summary>
public sealed class AuditTrail
{
    private readonly List<Pending> _pending = [];

    internal sealed record Pending(Actor By, string Action, string EntityType, Func<string> EntityId, string? Detail,
        DateTimeOffset At, object? NewEntity);

    public void Record(Actor by, string action, string entityType, string entityId, string? detail, DateTimeOffset at) =>
        _pending.Add(new Pending(by, action, entityType, () => entityId, detail, at, null));

    /// <summary>
    /// Audits an entity that may be inserted by the same save: its id is read once the database has given it one.
    /// </summary>
    public void Record<T>(Actor by, string action, T entity, Func<T, string> entityId, string? detail, DateTimeOffset at)
        where T : class =>
        _pending.Add(new Pending(by, action, typeof(T).Name, () => entityId(entity), detail, at, entity));

    internal bool IsEmpty => _pending.Count == 0;

    internal List<Pending> TakeAll()
    {
        var taken = _pending.ToList();
        _pending.Clear();
        return taken;
    }

    internal static AuditEntry Entry(Pending r) => new(r.By, r.Action, r.EntityType, r.EntityId(), r.Detail, r.At);
}
