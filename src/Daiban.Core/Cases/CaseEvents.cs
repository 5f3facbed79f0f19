using Daiban.Core.Common;

namespace Daiban.Core.Cases;

/// <summary>What happened to a case, recorded by the case itself (see <see cref="Notifications.Notices"/>).</summary>
public abstract record CaseEvent(Case Case, DateTimeOffset At) : IDomainEvent;

public sealed record CaseRegistered(Case Case, DateTimeOffset At) : CaseEvent(Case, At);

/// <summary><paramref name="Round"/> counts the case's assignments, this one included.</summary>
public sealed record AgentAssigned(Case Case, long AgentId, string AgentName, int Round, DateTimeOffset At)
    : CaseEvent(Case, At);

/// <summary>The agent settled the approvals the enterprise had left to it; <paramref name="ItemNames"/>: all of them.</summary>
public sealed record ScopeSettled(Case Case, IReadOnlyList<string> ItemNames, DateTimeOffset At) : CaseEvent(Case, At);

public sealed record PlanProposed(Case Case, int Version, DateTimeOffset At) : CaseEvent(Case, At);

public sealed record PlanDecided(Case Case, int Version, bool Agreed, string? Comment, DateTimeOffset At)
    : CaseEvent(Case, At);

/// <summary><paramref name="Request"/> numbers the request (the case's transitions so far): one notice each.</summary>
public sealed record MaterialsRequested(Case Case, IReadOnlyList<string> Missing, int Request, DateTimeOffset At)
    : CaseEvent(Case, At);

public sealed record MaterialReceived(Case Case, MaterialRecord Material, Actor By, DateTimeOffset At)
    : CaseEvent(Case, At);

public sealed record ParcelMailed(Case Case, Parcel Parcel, DateTimeOffset At) : CaseEvent(Case, At);

public sealed record ItemApproved(Case Case, CaseItem Item, DateTimeOffset At) : CaseEvent(Case, At);

public sealed record ResultsReady(Case Case, DateTimeOffset At) : CaseEvent(Case, At);

public sealed record ResultsMailed(Case Case, DateTimeOffset At) : CaseEvent(Case, At);

public sealed record ReceiptConfirmed(Case Case, DateTimeOffset At) : CaseEvent(Case, At);

/// <summary>Withdrawn or not accepted; <paramref name="By"/> tells whether the enterprise did it itself.</summary>
public sealed record CaseClosed(Case Case, CaseStatus Status, Actor By, DateTimeOffset At) : CaseEvent(Case, At);

/// <summary>督办 from the window or supervision, for the case's agent.</summary>
public sealed record CaseSupervised(Case Case, string Message, Actor By, DateTimeOffset At) : CaseEvent(Case, At);
