using Daiban.Core.Common;

namespace Daiban.Core.Consultation;

public enum ConversationChannel
{
    /// <summary>POST /api/chat/ask without a mini-program session (the key is the session id).</summary>
    Web,
    /// <summary>The mini-program's chat page, signed in.</summary>
    MiniProgram,
    /// <summary>WeChat customer-service messages pushed to us (mini-program or Official Account).</summary>
    CustomerService,
}

public enum ConversationStatus
{
    /// <summary>Only the bot has answered.</summary>
    Bot,
    /// <summary>Handed over; waiting for, or talking with, a person.</summary>
    HandedOff,
    /// <summary>The person closed it; the next question starts with the bot again.</summary>
    Closed,
}

public enum MessageAuthor
{
    User,
    Bot,
    Agent,
}

/// <summary>
/// One asker's consultation: every question, the bot's answer with its intent and sources, the hand-off to a
/// person and that person's replies. Keyed by channel and asker (session id or openid), so a WeChat user keeps
/// one running conversation and the agent always sees the whole transcript.
/// </summary>
public sealed class Conversation
{
    /// <summary>WeChat lets a service reply by customer-service message for 48 hours after the user last wrote.</summary>
    public static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(48);

    /// <summary>This many unsure answers in a row hand the conversation to a person.</summary>
    public const int LowConfidenceLimit = 2;

    private readonly List<ConversationMessage> _messages = [];

    private Conversation() { }

    public Conversation(string key, ConversationChannel channel, string? openId, string? wechatApp, DateTimeOffset now)
    {
        Key = Guard.Required(key, "会话标识", 96);
        Channel = channel;
        OpenId = openId;
        WeChatApp = wechatApp;
        CreatedAt = now;
        LastUserMessageAt = now;
    }

    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public ConversationChannel Channel { get; private set; }
    public string? OpenId { get; private set; }
    /// <summary>Which WeChat app the customer-service messages came through ("MiniProgram" or "OfficialAccount").</summary>
    public string? WeChatApp { get; private set; }
    public ConversationStatus Status { get; private set; }
    public long? AgentId { get; private set; }
    public string? AgentName { get; private set; }
    public string? HandoffReason { get; private set; }
    public DateTimeOffset? HandedOffAt { get; private set; }
    public int LowConfidenceStreak { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastUserMessageAt { get; private set; }
    public DateTimeOffset? LastAgentReplyAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<ConversationMessage> Messages => _messages;

    /// <summary>Records the question; a closed conversation starts again with the bot.</summary>
    public ConversationMessage Ask(string text, string? externalId, DateTimeOffset now)
    {
        var message = new ConversationMessage(MessageAuthor.User, Guard.Required(text, "问题", 500), null, null, null, externalId, now);
        _messages.Add(message);
        LastUserMessageAt = now;
        if (Status == ConversationStatus.Closed)
            Status = ConversationStatus.Bot;
        Version++;
        return message;
    }

    /// <summary>Records the bot's answer and whether it was sure; returns true when unsure answers have repeated enough to need a person.</summary>
    public bool Answered(BotAnswer answer, string sourcesText, DateTimeOffset now)
    {
        _messages.Add(new ConversationMessage(MessageAuthor.Bot, answer.Answer, answer.Intent, sourcesText, null, null, now));
        LowConfidenceStreak = answer.Intent is BotIntents.Unsure or BotIntents.OutOfScope ? LowConfidenceStreak + 1 : 0;
        return LowConfidenceStreak >= LowConfidenceLimit;
    }

    /// <summary>Hands the conversation to a person (an agent, or the window's queue when <paramref name="agentId"/> is null). Repeats are no-ops.</summary>
    public bool HandOff(long? agentId, string? agentName, string reason, DateTimeOffset now)
    {
        if (Status == ConversationStatus.HandedOff)
            return false;
        Status = ConversationStatus.HandedOff;
        AgentId = agentId;
        AgentName = agentName;
        HandoffReason = reason;
        HandedOffAt = now;
        LowConfidenceStreak = 0;
        Version++;
        return true;
    }

    /// <summary>A clerk gives a hand-off waiting in the queue (or with someone else) to an agent.</summary>
    public void AssignTo(long agentId, string agentName, DateTimeOffset now)
    {
        if (Status != ConversationStatus.HandedOff)
            throw new DomainRuleException("conversation.not_handed_off", "该咨询尚未转人工，无需指派。");
        AgentId = agentId;
        AgentName = agentName;
        Version++;
    }

    public ConversationMessage Reply(Actor staff, string text, DateTimeOffset now)
    {
        if (Status != ConversationStatus.HandedOff)
            throw new DomainRuleException("conversation.not_handed_off", "该咨询未转人工或已结束，不能回复。");
        var message = new ConversationMessage(MessageAuthor.Agent, Guard.Required(text, "回复内容", 1000), null, null, staff.Id, null, now);
        _messages.Add(message);
        LastAgentReplyAt = now;
        Version++;
        return message;
    }

    public bool Close(DateTimeOffset now)
    {
        if (Status != ConversationStatus.HandedOff)
            return false;
        Status = ConversationStatus.Closed;
        Version++;
        return true;
    }

    /// <summary>Whether a person's reply may still go out as a WeChat customer-service message.</summary>
    public bool CanSendCustomerService(DateTimeOffset now) =>
        Channel == ConversationChannel.CustomerService && OpenId is not null && now - LastUserMessageAt < CustomerServiceWindow;
}

public sealed class ConversationMessage
{
    private ConversationMessage() { }

    internal ConversationMessage(MessageAuthor author, string text, string? intent, string? sources, long? staffId, string? externalId, DateTimeOffset at)
    {
        Author = author;
        Text = text;
        Intent = intent;
        Sources = sources;
        StaffId = staffId;
        ExternalId = externalId;
        At = at;
    }

    public long Id { get; private set; }
    public long ConversationId { get; private set; }
    public MessageAuthor Author { get; private set; }
    public string Text { get; private set; } = "";
    public string? Intent { get; private set; }
    /// <summary>The sources of a bot answer, "title|id" per line.</summary>
    public string? Sources { get; private set; }
    public long? StaffId { get; private set; }
    /// <summary>The inbound push a question came from: a retried push finds its question already answered.</summary>
    public string? ExternalId { get; private set; }
    public DateTimeOffset At { get; private set; }
}
