using System.Security.Cryptography;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Core.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Daiban.Core.Consultation;

/// <summary>
/// The consultation use case behind every channel: records the question in the asker's conversation, lets the
/// knowledge bot answer, answers progress questions from the asker's own cases only, and hands the conversation
/// to a person when asked, on a complaint, or after repeated unsure answers.
/// </summary>
public sealed class ConsultationService(DaibanDbContext db, KnowledgeBaseProvider knowledge,
    ConsultationHandoff handoff, TimeProvider clock, IOptions<ServiceRules> rules, AnswerPhrasing? phrasing = null)
    : IConsultationBot
{
    public const int MaxQuestionLength = 500;

    public async Task<ChatReply> AskAsync(string question, Asker asker, CancellationToken ct)
    {
        var text = Guard.Required(question, "问题", MaxQuestionLength);
        var (key, sessionId) = KeyOf(asker);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Key == key, ct);
        // An anonymous session continues only one the server issued: a transcript under an id the client chose
        // (aaaaaaaaaaaaaaaa) would be readable by anyone who guesses the same id.
        if (conversation is null && asker.OpenId is null && !string.IsNullOrWhiteSpace(asker.SessionId))
            (key, sessionId) = KeyOf(asker with { SessionId = null });
        if (conversation is not null && asker.ExternalId is { } external && await AnsweredBeforeAsync(conversation, external, ct) is { } earlier)
            return Reply(earlier, sessionId, conversation);

        var now = clock.GetUtcNow();
        if (conversation is null)
        {
            conversation = new Conversation(key, asker.Channel, asker.OpenId, asker.WeChatApp, now);
            db.Conversations.Add(conversation);
        }
        conversation.Ask(text, asker.ExternalId, now);

        var kb = await knowledge.GetAsync(db, ct);
        var answer = new KnowledgeBot(kb, clock: clock).Answer(text, await MemoryOfAsync(conversation, ct));
        if (answer.Intent == BotIntents.Progress)
            answer = await ProgressAsync(asker, answer, ct);
        else if (phrasing is not null && answer.Sources.Count > 0 && !answer.Handoff)
            answer = await phrasing.PhraseAsync(text, answer, kb.Passages(answer.Sources), kb.MaterialNames, ct);

        var wasHandedOff = conversation.Status == ConversationStatus.HandedOff;
        if (conversation.Answered(answer, SourcesText(answer), now) && !answer.Handoff)
            answer = answer with { Answer = answer.Answer + "我已连续两次没能答准，已为您转接人工服务。", Handoff = true };
        if (answer.Handoff)
        {
            if (wasHandedOff)
                answer = answer with { Answer = $"已为您转接人工服务，{conversation.AgentName ?? "工作人员"}会尽快回复，请稍候；您的留言对方都能看到。" };
            else
                await handoff.HandOffAsync(conversation, kb, text, answer.Intent == BotIntents.Complaint ? "投诉" : answer.Intent == BotIntents.Handoff ? "用户要求转人工" : "机器人连续未能答准", ct);
        }
        await db.SaveChangesAsync(ct);
        return Reply(answer, sessionId, conversation);
    }

    private static ChatReply Reply(BotAnswer answer, string sessionId, Conversation c) => new(answer, sessionId, c.Id, c.Status, c.AgentName);

    /// <summary>The conversation key: one per WeChat user and channel, or the anonymous session (a new unguessable one if none was sent).</summary>
    private static (string Key, string SessionId) KeyOf(Asker asker)
    {
        if (asker.OpenId is { } openId)
            return (asker.Channel == ConversationChannel.CustomerService ? $"cs:{asker.WeChatApp}:{openId}" : $"mp:{openId}", openId);
        var session = asker.SessionId?.Trim();
        if (string.IsNullOrEmpty(session))
            session = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        else if (session.Length is < 16 or > 64 || !session.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw DomainRuleException.Invalid("chat.session_invalid", "会话标识无效：应为16到64位字母、数字、短横线或下划线；不确定时请不传，由系统生成。");
        return ($"web:{session}", session);
    }

    private async Task<BotAnswer?> AnsweredBeforeAsync(Conversation conversation, string externalId, CancellationToken ct)
    {
        var question = await db.Set<ConversationMessage>().Where(m => m.ConversationId == conversation.Id && m.ExternalId == externalId).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        if (question is null)
            return null;
        var bot = await db.Set<ConversationMessage>().Where(m => m.ConversationId == conversation.Id && m.Id > question && m.Author == MessageAuthor.Bot)
            .OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        return bot is null ? null : new BotAnswer(bot.Text, false, bot.Intent ?? BotIntents.Consult, ParseSources(bot.Sources));
    }

    /// <summary>What the conversation remembers: read from the last answer the bot gave in it (none for a new one).</summary>
    private async Task<ConversationMemory> MemoryOfAsync(Conversation conversation, CancellationToken ct)
    {
        if (conversation.Id == 0)
            return ConversationMemory.Empty;
        var sources = await db.Set<ConversationMessage>()
            .Where(m => m.ConversationId == conversation.Id && m.Author == MessageAuthor.Bot)
            .OrderByDescending(m => m.Id).Select(m => m.Sources).FirstOrDefaultAsync(ct);
        return ConversationMemory.FromSources(ParseSources(sources));
    }

    /// <summary>"我的案件进度": the cases this WeChat user may see (EnterpriseAccess), never anyone else's.</summary>
    private async Task<BotAnswer> ProgressAsync(Asker asker, BotAnswer general, CancellationToken ct)
    {
        if (asker.OpenId is null)
            return general with
            {
                Answer = "查询您自己案件的进度，请先在小程序登录并绑定企业，再问我“我的案件进度”。" + (general.Sources.Count > 0 ? general.Answer : ""),
            };
        var contacts = await EnterpriseAccess.ContactsOfAsync(db, asker.OpenId, ct);
        var cases = await db.Cases.AsNoTracking().VisibleCases(contacts).Include(c => c.Items)
            .OrderByDescending(c => c.Id).Take(5).ToListAsync(ct);
        if (cases.Count == 0)
            return new BotAnswer("您名下还没有帮办代办包办案件。可以在小程序首页“申请帮办代办”提交申请，"
                + $"窗口会在{rules.Value.RegistrationWorkingDays}个工作日内登记，指派的代办员随后与您联系。", false,
                BotIntents.Progress, []);
        var projects = await db.Projects.AsNoTracking().Where(p => cases.Select(c => c.ProjectId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var lines = cases.Select(c =>
        {
            var items = c.Items.OrderBy(i => i.SortOrder).Select(i => $"{i.ItemName}：{i.Status.Name()}{(i.RunningDueOn is { } due ? $"（{due.Month}月{due.Day}日前办结）" : "")}");
            return $"案件{c.CaseNumber}（{projects.GetValueOrDefault(c.ProjectId)}，{c.Mode.Name()}）：{c.Status.Name()}" +
                   (c.AgentName is null ? "，正在安排代办员" : $"，代办员{c.AgentName}") + (c.Items.Count > 0 ? "；" + string.Join("；", items) : "") + "。";
        });
        return new BotAnswer(string.Join("\n", lines), false, BotIntents.Progress,
            cases.Select(c => new BotSource($"我的案件 {c.CaseNumber}", $"case:{c.Id}")).ToList());
    }

    private static string SourcesText(BotAnswer answer) => string.Join('\n', answer.Sources.Select(s => $"{s.Title}|{s.Id}"));

    public static IReadOnlyList<BotSource> ParseSources(string? text) => (text ?? "")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('|', 2))
        .Select(p => new BotSource(p[0], p.Length > 1 ? p[1] : ""))
        .ToList();
}
