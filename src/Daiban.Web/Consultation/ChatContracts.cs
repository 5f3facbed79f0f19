using System.ComponentModel.DataAnnotations;
using Daiban.Core.Consultation;

namespace Daiban.Web.Consultation;

public sealed record AskRequest([property: Required] string? Question, string? SessionId);

/// <summary>The chat contract (a stable contract outside tests rely on): answer, handoff, intent, sources; plus the session to continue and who has the conversation.</summary>
public sealed record AskResponse(string Answer, bool Handoff, string Intent, IReadOnlyList<SourceView> Sources, string SessionId, string Status, string? AgentName)
{
    public static AskResponse From(ChatReply r) => new(r.Answer.Answer, r.Answer.Handoff, r.Answer.Intent,
        r.Answer.Sources.Select(s => new SourceView(s.Title, s.Id)).ToList(), r.SessionId, r.Status.ToString(), r.AgentName);
}

public sealed record SourceView(string Title, string Id);

/// <summary>One message of a conversation; <c>AuthorName</c> names the staff member who wrote a person's reply.</summary>
public sealed record ChatMessageView(long Id, string Author, string Text, string? Intent,
    IReadOnlyList<SourceView> Sources, DateTimeOffset At)
{
    public string? AuthorName { get; init; }

    public static ChatMessageView From(ConversationMessage m) => new(m.Id, m.Author.ToString(), m.Text, m.Intent,
        ConsultationService.ParseSources(m.Sources).Select(s => new SourceView(s.Title, s.Id)).ToList(), m.At);
}

/// <summary>
/// The mini-program user's conversation as its chat page reopens it: who has it (Bot, HandedOff, Closed) and the
/// agent, so the 已转人工 banner and the polling for replies come back, with the latest messages.
/// </summary>
public sealed record MyChatView(string Status, string? AgentName, IReadOnlyList<ChatMessageView> Messages);

public sealed record ConversationView(long Id, string Channel, string Status, string? AgentName, string? HandoffReason, DateTimeOffset? HandedOffAt,
    DateTimeOffset LastUserMessageAt, bool CanReplyInWeChat, IReadOnlyList<ChatMessageView> Messages);

public sealed record ConversationSummary(long Id, string Channel, string Status, long? AgentId, string? AgentName, string? HandoffReason, DateTimeOffset? HandedOffAt, DateTimeOffset LastUserMessageAt);

public sealed record ReplyRequest([property: Required] string? Text);

public sealed record AssignConversationRequest([property: Required] long? AgentId);
