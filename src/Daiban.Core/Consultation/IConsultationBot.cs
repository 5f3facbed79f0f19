namespace Daiban.Core.Consultation;

/// <summary>Who is asking: anonymous, or a known WeChat user (whose own cases a progress question may read).</summary>
public sealed record Asker(string? OpenId, long? ContactId);

public sealed record BotAnswer(string Answer, bool Handoff, string Intent, IReadOnlyList<BotSource> Sources);

public sealed record BotSource(string Title, string Id);

/// <summary>The consultation bot's port: every channel (HTTP, mini-program chat, customer-service push) asks through it.</summary>
public interface IConsultationBot
{
    Task<BotAnswer> AnswerAsync(string question, Asker asker, CancellationToken ct);
}

/// <summary>
/// Until the knowledge-base bot exists: acknowledge, promise a person, never invent an answer.
/// </summary>
public sealed class AcknowledgingBot : IConsultationBot
{
    public Task<BotAnswer> AnswerAsync(string question, Asker asker, CancellationToken ct) =>
        Task.FromResult(new BotAnswer(
            "您好，已收到您的咨询。工程建设项目帮办代办包办服务免费提供，工作人员会在工作时间尽快回复您；也可拨打投资建设综合窗口电话咨询。",
            Handoff: true, Intent: "acknowledge", Sources: []));
}
