using Daiban.Core.Catalog;
using Daiban.Core.Common;

namespace Daiban.Core.Assignment;

/// <summary>What routing knows about one agent on the day of the decision.</summary>
public sealed record AgentProfile(
    long Id,
    string Name,
    IReadOnlySet<Stage> Stages,
    IReadOnlySet<string> Departments,
    bool Available,
    int OpenLoad,
    DateTimeOffset? LastAssignedAt);

/// <summary>What the case needs: its stages and departments, and the agent who served this enterprise or project before.</summary>
public sealed record RoutingRequest(IReadOnlySet<Stage> Stages, IReadOnlySet<string> Departments, long? FirstContactAgentId);

public sealed record RankedAgent(long AgentId, string Name, int StagesCovered, int DepartmentsCovered, int OpenLoad, string Reason);

public sealed record RoutingDecision(long AgentId, string AgentName, string Explanation, IReadOnlyList<RankedAgent> Ranking);

/// <summary>
/// Chooses the agent for a case (四.1 首接负责制, 三 一对一): the agent who already served the enterprise or project keeps
/// it while available; otherwise agents who know every stage in scope come first, then those who know more of
/// the stages and departments, then the lighter load (包办 weighs more than 代办, 代办 more than 帮办), then whoever
/// was assigned least recently (round robin). Unavailable agents (leave, away, inactive) are never chosen. The
/// explanation says, in Chinese, why this agent.
/// </summary>
public static class RoutingPolicy
{
    public static RoutingDecision Choose(RoutingRequest request, IReadOnlyCollection<AgentProfile> agents)
    {
        var available = agents.Where(a => a.Available).ToList();
        if (available.Count == 0)
            throw new DomainRuleException("routing.no_agent", "当前没有可指派的代办员（均在休假或外出），请由综合窗口手动指派。");

        var ranking = available
            .Select(a => (Agent: a, Stages: a.Stages.Count(request.Stages.Contains), Departments: a.Departments.Count(request.Departments.Contains)))
            .OrderByDescending(x => x.Stages == request.Stages.Count)
            .ThenByDescending(x => x.Stages)
            .ThenByDescending(x => x.Departments)
            .ThenBy(x => x.Agent.OpenLoad)
            .ThenBy(x => x.Agent.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.Agent.Id)
            .Select(x => new RankedAgent(x.Agent.Id, x.Agent.Name, x.Stages, x.Departments, x.Agent.OpenLoad, Describe(x.Agent, x.Stages, x.Departments, request)))
            .ToList();

        if (request.FirstContactAgentId is { } first)
        {
            var keeper = ranking.FirstOrDefault(r => r.AgentId == first);
            if (keeper is not null)
                return new RoutingDecision(keeper.AgentId, keeper.Name, $"首接负责：该企业（项目）此前由{keeper.Name}服务，继续由其负责；{keeper.Reason}", ranking);
        }

        var chosen = ranking[0];
        var why = chosen.Reason;
        if (ranking.Count > 1 && SameSkill(ranking[0], ranking[1]))
            why += ranking[0].OpenLoad == ranking[1].OpenLoad ? "；与其他人条件相同，按轮候顺序指派" : "；在熟悉度相同的代办员中负荷最低";
        var prefix = request.FirstContactAgentId is not null ? "原首接代办员暂不可用；" : "";
        return new RoutingDecision(chosen.AgentId, chosen.Name, prefix + why, ranking);
    }

    private static bool SameSkill(RankedAgent a, RankedAgent b) => a.StagesCovered == b.StagesCovered && a.DepartmentsCovered == b.DepartmentsCovered;

    private static string Describe(AgentProfile a, int stages, int departments, RoutingRequest request)
    {
        var stageText = request.Stages.Count == 0
            ? "不涉及特定阶段"
            : stages == request.Stages.Count ? $"熟悉全部{stages}个所涉阶段" : $"熟悉{stages}/{request.Stages.Count}个所涉阶段";
        var departmentText = request.Departments.Count == 0 ? "" : $"、{departments}/{request.Departments.Count}个相关部门";
        return $"{a.Name}：{stageText}{departmentText}，当前负荷{a.OpenLoad}";
    }
}
