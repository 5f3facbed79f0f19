using Daiban.Core.Common;

namespace Daiban.Core.Cases;

public sealed partial class Case
{
    /// <summary>The agent proposes the 服务方案 and 代办计划; a pending proposal is replaced by a newer one.</summary>
    public ServicePlan ProposePlan(string summary, IReadOnlyList<PlanStep> steps, Actor agent, DateTimeOffset now)
    {
        EnsureAgent(agent);
        EnsureScopeSettled();
        var text = Guard.Required(summary, "服务方案概述", 2000);
        if (steps.Count == 0)
            throw DomainRuleException.Invalid("plan.no_steps", "服务方案至少需要一个办理步骤。");
        foreach (var step in steps)
            Guard.Required(step.Description, "办理步骤", 500);
        if (steps.Select(s => s.Order).Distinct().Count() != steps.Count)
            throw DomainRuleException.Invalid("plan.duplicate_order", "办理步骤的顺序号不能重复。");
        var unknown = steps.Select(s => s.ItemCode).FirstOrDefault(c => c is not null && _items.All(i => i.ItemCode != c));
        if (unknown is not null)
            throw DomainRuleException.Invalid("plan.unknown_item", $"办理步骤引用的事项{unknown}不在本案件的办理范围内。");

        if (Status == CaseStatus.PlanProposed)
            CurrentPlan?.Supersede();
        else
            MoveTo(CaseStatus.PlanProposed, agent, now, "代办员提交服务方案");
        var plan = new ServicePlan(_plans.Count + 1, text, steps, agent.Id!.Value, agent.Name, now);
        _plans.Add(plan);
        Write(LogKind.Milestone, $"提交服务方案（第{plan.Version}版），共{steps.Count}个步骤，请企业确认。", agent, now, visibleToEnterprise: true);
        _events.Record(new PlanProposed(this, plan.Version, now));
        return plan;
    }

    /// <summary>The enterprise agrees to or rejects the proposed plan. Repeating the same answer changes nothing.</summary>
    public bool DecidePlan(bool agree, string? comment, Actor contact, DateTimeOffset now)
    {
        var plan = CurrentPlan ?? throw new DomainRuleException("plan.none", "代办员尚未提交服务方案。");
        var decision = agree ? PlanDecision.Agreed : PlanDecision.Rejected;
        if (plan.Decision == decision)
            return false;
        if (plan.Decision != PlanDecision.Pending || Status != CaseStatus.PlanProposed)
            throw new DomainRuleException("plan.already_decided", "该服务方案已确认或已退回，请等待代办员提交新方案。");
        var note = Guard.Optional(comment, "意见", 500);
        if (!agree && note is null)
            throw DomainRuleException.Invalid("plan.reject_reason", "退回服务方案时请说明原因，便于代办员修改。");
        plan.Decide(decision, contact.Id, contact.Name, note, now);
        MoveTo(agree ? CaseStatus.PlanAgreed : CaseStatus.Assigned, contact, now,
            agree ? "企业确认服务方案" : $"企业退回服务方案：{note}");
        _events.Record(new PlanDecided(this, plan.Version, agree, note, now));
        return true;
    }

    /// <summary>The agent starts the formal work (包办 only after an agreed plan).</summary>
    public bool Start(Actor agent, DateTimeOffset now)
    {
        EnsureAgent(agent);
        EnsureScopeSettled();
        return MoveTo(CaseStatus.InProgress, agent, now, "开始办理");
    }

    private void EnsureAgent(Actor actor)
    {
        if (actor.Kind != ActorKind.Staff || actor.Id is null)
            throw new DomainRuleException("case.staff_only", "只有工作人员可以执行此操作。");
        if (AgentId is null)
            throw new DomainRuleException("case.no_agent", "案件尚未指派代办员。");
    }
}
