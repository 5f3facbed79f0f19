using Daiban.Core.Calendar;

namespace Daiban.Core.Notifications;

/// <summary>
/// What a notice says, by meaning rather than by any channel's field names: the WeChat layer decides which of these
/// fill which keyword and how long each may be. Unset fields are left out.
/// </summary>
public sealed record NoticeFields
{
    public string? CaseNumber { get; init; }
    public string? ProjectName { get; init; }
    public string? ItemName { get; init; }
    public string? AgentName { get; init; }
    public string? AgentPhone { get; init; }
    /// <summary>A short line: what happened or what to do.</summary>
    public string? Summary { get; init; }
    /// <summary>Why (a hand-off's reason, a refusal's reason).</summary>
    public string? Reason { get; init; }
    /// <summary>A question or a subject in the person's own words (a consultation, a difficult issue).</summary>
    public string? Subject { get; init; }
    /// <summary>A longer text shown as it is (a customer-service reply, an account notice's detail).</summary>
    public string? Text { get; init; }
    public string? EnterpriseName { get; init; }
    /// <summary>When it happened.</summary>
    public DateTimeOffset? At { get; init; }
    /// <summary>A day that matters (a due date, a deadline, the day an evaluation window closes).</summary>
    public DateOnly? Deadline { get; init; }
    /// <summary>The app a conversation came through ("MiniProgram" or "OfficialAccount"), for a reply.</summary>
    public string? ReplyVia { get; init; }

    /// <summary>
    /// The values in one line (case number, what, by when …), for the in-app list. Not <see cref="At"/>: the list
    /// shows each message's own time beside it.
    /// </summary>
    public string Line() => string.Join(" · ", new[]
    {
        Subject, ItemName, ProjectName, CaseNumber, AgentName, Summary, Reason, Text,
        Deadline is { } d ? ChinaTime.Display(d) : null,
    }.Where(v => !string.IsNullOrEmpty(v)));
}

/// <summary>Where a notice takes its reader; the WeChat layer turns it into a mini-program page or none.</summary>
public enum NoticeDestination
{
    None,
    /// <summary>The enterprise's page of one case.</summary>
    EnterpriseCase,
    /// <summary>The enterprise's evaluation form of one case.</summary>
    EnterpriseEvaluation,
    /// <summary>The enterprise's in-app message list.</summary>
    EnterpriseMessages,
    /// <summary>The agent's page of one case.</summary>
    AgentCase,
    /// <summary>The agent's list of cases.</summary>
    AgentCases,
    /// <summary>The agent's handed-off conversations.</summary>
    AgentConsultations,
}

/// <summary>A destination and, for the ones about a case, the case.</summary>
public readonly record struct NoticeTarget(NoticeDestination Destination, long? CaseId = null)
{
    public static readonly NoticeTarget None = new(NoticeDestination.None);
    public static readonly NoticeTarget EnterpriseMessages = new(NoticeDestination.EnterpriseMessages);
    public static readonly NoticeTarget AgentCases = new(NoticeDestination.AgentCases);
    public static readonly NoticeTarget AgentConsultations = new(NoticeDestination.AgentConsultations);
    public static NoticeTarget EnterpriseCase(long caseId) => new(NoticeDestination.EnterpriseCase, caseId);
    public static NoticeTarget EnterpriseEvaluation(long caseId) => new(NoticeDestination.EnterpriseEvaluation, caseId);
    public static NoticeTarget AgentCase(long caseId) => new(NoticeDestination.AgentCase, caseId);

    /// <summary>Every destination there is, with a sample case where one is needed (for contract tests).</summary>
    public static IEnumerable<NoticeTarget> Samples(long caseId) =>
        Enum.GetValues<NoticeDestination>().Select(d => new NoticeTarget(d, d is NoticeDestination.EnterpriseCase
            or NoticeDestination.EnterpriseEvaluation or NoticeDestination.AgentCase ? caseId : null));
}
