using System.Text.Json;
using Daiban.Core.Assignment;
using Daiban.Core.Calendar;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Consultation;

/// <summary>
/// Routes a conversation to a person the way a case is routed (四.1 首接负责制): the agent who served the asker's
/// enterprise before, else the agent who knows the stages and departments of the items asked about, lightest load
/// first. When no agent is available it waits in the window's queue. The agent gets a template message through
/// the outbox, queued with the hand-off.
/// </summary>
public sealed class ConsultationHandoff(DaibanDbContext db, TimeProvider clock)
{
    public const string TemplateKey = NoticeKeys.ConsultationHandoff;

    public async Task HandOffAsync(Conversation conversation, KnowledgeBase kb, string question, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var items = kb.Lexicon.FindItems(kb.Lexicon.Expand(question)).Select(kb.Item).OfType<Catalog.ApprovalItem>().ToList();
        long? firstContact = null;
        if (conversation.OpenId is { } openId)
        {
            var contacts = await EnterpriseAccess.ContactsOfAsync(db, openId, ct);
            firstContact = await db.Cases.AsNoTracking().VisibleCases(contacts).Where(c => c.AgentId != null)
                .OrderByDescending(c => c.Id).Select(c => c.AgentId).FirstOrDefaultAsync(ct);
        }
        RoutingDecision? decision = null;
        try
        {
            var profiles = await AgentProfiles.LoadAsync(db, ChinaTime.Today(clock), routedCaseId: null, ct);
            decision = RoutingPolicy.Choose(new RoutingRequest(items.Select(i => i.Stage).ToHashSet(), items.Select(i => i.DepartmentCode).ToHashSet(StringComparer.Ordinal), firstContact), profiles);
        }
        catch (DomainRuleException e) when (e.Code == "routing.no_agent")
        {
            // Nobody available: the conversation waits in the window's queue, where a clerk assigns it.
        }
        conversation.HandOff(decision?.AgentId, decision?.AgentName, reason, now);
        if (decision is not null)
            await NotifyAgentAsync(conversation, decision.AgentId, question, reason, now, ct);
    }

    public Task NotifyAgentAsync(Conversation conversation, long agentId, string question, string reason, DateTimeOffset now, CancellationToken ct) =>
        db.Notices().HandOffAsync(db, conversation.Key, agentId, question, reason, now, ct);
}
