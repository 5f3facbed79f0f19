namespace Daiban.Core.Consultation;

/// <summary>
/// Who is asking, through which channel: anonymous on the web (the conversation is the session id), or a WeChat
/// user (whose own cases a progress question may read). <see cref="ExternalId"/> names the inbound push a
/// question came from, so a retried push is answered once.
/// </summary>
public sealed record Asker(ConversationChannel Channel, string? OpenId, string? SessionId = null, string? WeChatApp = null, string? ExternalId = null);

public sealed record BotAnswer(string Answer, bool Handoff, string Intent, IReadOnlyList<BotSource> Sources);

public sealed record BotSource(string Title, string Id);

/// <summary>The answer and where the conversation stands: its session id (for anonymous askers) and who has it.</summary>
public sealed record ChatReply(BotAnswer Answer, string SessionId, long ConversationId, ConversationStatus Status, string? AgentName);

/// <summary>The consultation bot's port: every channel (HTTP, mini-program chat, customer-service push) asks through it.</summary>
public interface IConsultationBot
{
    Task<ChatReply> AskAsync(string question, Asker asker, CancellationToken ct);
}
