using Daiban.Core.Common;

namespace Daiban.Core.Auditing;

/// <summary>An append-only record of an administrative change (catalogue, staff, holidays, templates).</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(Actor by, string action, string entityType, string entityId, string? detail, DateTimeOffset at)
    {
        ActorKind = by.Kind;
        ActorId = by.Id;
        ActorName = by.Name;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Detail = detail;
        At = at;
    }

    public long Id { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public long? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string? Detail { get; private set; }
    public DateTimeOffset At { get; private set; }
}
