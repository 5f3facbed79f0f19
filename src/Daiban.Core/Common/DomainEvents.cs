namespace Daiban.Core.Common;

/// <summary>Something that happened to an aggregate that people may need to hear about.</summary>
public interface IDomainEvent
{
    DateTimeOffset At { get; }
}

/// <summary>
/// An aggregate that records what happened to it. The events are taken when the unit of work is saved
/// (<see cref="Notifications.NoticeInterceptor"/>), so whatever they cause commits with the change or not at all.
/// </summary>
public interface IRecordsEvents
{
    /// <summary>The events recorded since the last call, in order; the list is emptied.</summary>
    IReadOnlyList<IDomainEvent> TakeEvents();
}

/// <summary>The list behind <see cref="IRecordsEvents"/>; a field, never mapped.</summary>
public sealed class EventLog
{
    private readonly List<IDomainEvent> _events = [];

    public void Record(IDomainEvent e) => _events.Add(e);

    public IReadOnlyList<IDomainEvent> Take()
    {
        var taken = _events.ToList();
        _events.Clear();
        return taken;
    }
}
