using Daiban.Core.Catalog;
using Daiban.Core.Common;

namespace Daiban.Core.Cases;

public sealed partial class Case
{
    /// <summary>
    /// The agent settles the approvals an enterprise left open (不清楚，由代办员帮我确定) once they have gone through the
    /// project together: the items join the case, and only then may the work (or, for 包办, the plan) start.
    /// </summary>
    public IReadOnlyList<CaseItem> SettleScope(IReadOnlyList<ApprovalItem> items, Actor agent, DateTimeOffset now)
    {
        EnsureAgent(agent);
        if (!ScopeToSettle)
            throw new DomainRuleException("scope.settled", "本案件的办理事项已确定；需要调整时请在日志中说明并与企业沟通。");
        if (!Status.IsOpen())
            throw new DomainRuleException("scope.case_closed", "案件已结束，不能再确定办理事项。");
        var added = items.Where(i => _items.All(existing => existing.ItemCode != i.Code))
            .OrderBy(i => i.Stage).ThenBy(i => i.SortOrder)
            .Select((item, n) => new CaseItem(item, _items.Count + n)).ToList();
        if (added.Count == 0 && _items.Count == 0)
            throw DomainRuleException.Invalid("scope.empty", "请至少选择一个审批阶段或审批事项。");
        _items.AddRange(added);
        ScopeToSettle = false;
        UpdatedAt = now;
        var names = _items.Select(i => i.ItemName).ToList();
        Write(LogKind.Milestone, $"代办员与企业确定办理事项，共{names.Count}项：{string.Join("、", names)}。", agent, now,
            visibleToEnterprise: true);
        _events.Record(new ScopeSettled(this, names, now));
        return added;
    }

    private void EnsureScopeSettled()
    {
        if (ScopeToSettle)
            throw new DomainRuleException("scope.to_settle", "企业请代办员帮助确定办理事项：请先与企业确定办理事项。");
    }
}
