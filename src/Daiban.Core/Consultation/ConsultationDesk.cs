using System.Text.Json;
using Daiban.Core.Common;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Consultation;

/// <summary>
/// The person's side of a handed-off conversation: a clerk gives it to an agent, the agent replies, and the reply
/// reaches the asker — always in the mini-program chat, and as a WeChat customer-service message (through the
/// outbox) when the asker came through customer-service push and wrote within the last 48 hours.
/// </summary>
public sealed class ConsultationDesk(DaibanDbContext db, ConsultationHandoff handoff, TimeProvider clock)
{
    public async Task<ConversationMessage> ReplyAsync(Conversation conversation, Actor staff, string text, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var message = conversation.Reply(staff, text, now);
        if (conversation.CanSendCustomerService(now))
        {
            await db.Notices().ReplyAsync(db, conversation.Id, conversation.Key, conversation.Version, staff.Name,
                message.Text, conversation.WeChatApp ?? "MiniProgram", now, ct);
        }
        await db.SaveChangesAsync(ct);
        return message;
    }

    public async Task AssignAsync(Conversation conversation, long agentId, CancellationToken ct)
    {
        var agent = await db.Staff.SingleOrDefaultAsync(s => s.Id == agentId, ct);
        if (agent is null || !agent.Has(StaffRoles.Agent) || !agent.Active)
            throw DomainRuleException.Invalid("assignment.not_an_agent", "所选人员不是在岗代办员，请重新选择。");
        var now = clock.GetUtcNow();
        conversation.AssignTo(agent.Id, agent.DisplayName, now);
        var question = await db.Set<ConversationMessage>().Where(m => m.ConversationId == conversation.Id && m.Author == MessageAuthor.User)
            .OrderByDescending(m => m.Id).Select(m => m.Text).FirstOrDefaultAsync(ct) ?? "";
        await handoff.NotifyAgentAsync(conversation, agent.Id, question, "综合窗口指派", now, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task CloseAsync(Conversation conversation, CancellationToken ct)
    {
        conversation.Close(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
