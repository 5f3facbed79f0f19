namespace Daiban.Core.Common;

public enum ActorKind
{
    System,
    Staff,
    EnterpriseContact,
}

/// <summary>Who did something: stored with every change so the log answers "who, when, why".</summary>
public sealed record Actor(ActorKind Kind, long? Id, string Name)
{
    public static readonly Actor System = new(ActorKind.System, null, "系统");

    public static Actor Staff(long id, string name) => new(ActorKind.Staff, id, name);

    public static Actor Contact(long id, string name) => new(ActorKind.EnterpriseContact, id, name);
}
