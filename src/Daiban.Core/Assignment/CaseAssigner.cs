using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;
using Daiban.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Assignment;

/// <summary>
/// Gives a registered case to an agent: the routing policy's choice with its explanation, or a clerk's choice
/// with the clerk's reason (an override without a reason is refused). The agent gets a template message and the
/// enterprise a subscribe message, both through the outbox in the same transaction.
/// </summary>
public sealed class CaseAssigner(DaibanDbContext db, TimeProvider clock)
{
    public async Task<RoutingDecision> SuggestAsync(Case @case, CancellationToken ct)
    {
        var profiles = await AgentProfiles.LoadAsync(db, ChinaTime.Today(clock), @case.Id, ct);
        var firstContact = await AgentProfiles.FirstContactAgentAsync(db, @case.EnterpriseId, @case.ProjectId, @case.Id, ct);
        var request = new RoutingRequest(@case.Items.Select(i => i.Stage).ToHashSet(), @case.Items.Select(i => i.DepartmentCode).ToHashSet(StringComparer.Ordinal), firstContact);
        return RoutingPolicy.Choose(request, profiles);
    }

    public async Task<Case> AssignAsync(Case @case, long? agentId, string? overrideReason, Actor clerk, CancellationToken ct)
    {
        long chosenId;
        string reason;
        if (agentId is null)
        {
            var decision = await SuggestAsync(@case, ct);
            (chosenId, reason) = (decision.AgentId, decision.Explanation);
        }
        else
        {
            reason = Guard.Optional(overrideReason, "指派理由", 500)
                     ?? throw DomainRuleException.Invalid("assignment.reason_required", "手动指定代办员时请填写理由。");
            chosenId = agentId.Value;
            reason = $"窗口指定：{reason}";
        }
        var agent = await db.Staff.SingleOrDefaultAsync(s => s.Id == chosenId, ct);
        if (agent is null || !agent.Has(StaffRoles.Agent) || !agent.Active)
            throw DomainRuleException.Invalid("assignment.not_an_agent", "所选人员不是在岗代办员，请重新选择。");
        if (!agent.IsAvailableOn(ChinaTime.Today(clock)))
            throw new DomainRuleException("assignment.agent_away", $"{agent.DisplayName}当前休假或外出，请选择其他代办员。");

        var now = clock.GetUtcNow();
        // The case records the assignment; Notices tells the agent and the enterprise as it is saved.
        @case.AssignAgent(agent.Id, agent.DisplayName, reason, clerk, now);
        return @case;
    }
}
