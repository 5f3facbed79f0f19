using Daiban.Core.Assignment;
using Daiban.Core.Catalog;
using Daiban.Core.Common;

namespace Daiban.Core.Tests.Assignment;

public sealed class RoutingPolicyTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static AgentProfile Agent(long id, string name, Stage[] stages, string[]? departments = null, int load = 0, bool available = true, int? assignedMinutesAgo = null) =>
        new(id, name, stages.ToHashSet(), (departments ?? []).ToHashSet(), available, load, assignedMinutesAgo is { } m ? T.AddMinutes(-m) : null);

    private static RoutingRequest Need(Stage[] stages, string[]? departments = null, long? firstContact = null) =>
        new(stages.ToHashSet(), (departments ?? []).ToHashSet(), firstContact);

    private static readonly Stage[] Licence = [Stage.ConstructionLicence];
    private static readonly Stage[] AllStages = [Stage.LandAndPlanning, Stage.ConstructionPermitting, Stage.ConstructionLicence, Stage.CompletionAcceptance];

    [Fact]
    public void FirstContact_KeepsThePreviousAgent_EvenIfBusierAndLessSkilled()
    {
        var decision = RoutingPolicy.Choose(Need(Licence, firstContact: 1), [
            Agent(1, "李强", [Stage.LandAndPlanning], load: 12),
            Agent(2, "张丽", Licence, load: 0),
        ]);

        Assert.Equal(1, decision.AgentId);
        Assert.StartsWith("首接负责", decision.Explanation);
        Assert.Contains("李强", decision.Explanation);
    }

    [Fact]
    public void FirstContact_Unavailable_FallsBackAndSaysSo()
    {
        var decision = RoutingPolicy.Choose(Need(Licence, firstContact: 1), [
            Agent(1, "李强", Licence, available: false),
            Agent(2, "张丽", Licence),
        ]);

        Assert.Equal(2, decision.AgentId);
        Assert.StartsWith("原首接代办员暂不可用", decision.Explanation);
        Assert.DoesNotContain(decision.Ranking, r => r.AgentId == 1);
    }

    [Fact]
    public void Skills_AgentKnowingEveryStageInScope_BeatsALighterPartialOne()
    {
        var decision = RoutingPolicy.Choose(Need(AllStages), [
            Agent(1, "李强", [Stage.LandAndPlanning, Stage.ConstructionPermitting], load: 0),
            Agent(2, "赵刚", AllStages, load: 8),
        ]);

        Assert.Equal(2, decision.AgentId);
        Assert.Contains("熟悉全部4个所涉阶段", decision.Explanation);
    }

    [Fact]
    public void Skills_MoreStagesThenMoreDepartments()
    {
        var decision = RoutingPolicy.Choose(Need([Stage.ConstructionLicence, Stage.CompletionAcceptance], ["ZJJ", "RFB"]), [
            Agent(1, "甲", [Stage.ConstructionLicence], ["ZJJ", "RFB"]),
            Agent(2, "乙", [Stage.ConstructionLicence], ["ZJJ"]),
            Agent(3, "丙", [Stage.Parallel]),
        ]);

        Assert.Equal([1L, 2L, 3L], decision.Ranking.Select(r => r.AgentId));
        Assert.Contains("2/2个相关部门", decision.Explanation);
    }

    [Fact]
    public void Load_DecidesBetweenEquallySkilledAgents()
    {
        var decision = RoutingPolicy.Choose(Need(Licence), [
            Agent(1, "李强", Licence, load: 6),
            Agent(2, "张丽", Licence, load: 2),
        ]);

        Assert.Equal(2, decision.AgentId);
        Assert.Contains("负荷最低", decision.Explanation);
    }

    [Fact]
    public void RoundRobin_BreaksFullTies_LeastRecentlyAssignedFirst()
    {
        var decision = RoutingPolicy.Choose(Need(Licence), [
            Agent(1, "李强", Licence, load: 2, assignedMinutesAgo: 5),
            Agent(2, "张丽", Licence, load: 2, assignedMinutesAgo: 90),
            Agent(3, "王芳", Licence, load: 2, assignedMinutesAgo: 30),
        ]);

        Assert.Equal([2L, 3L, 1L], decision.Ranking.Select(r => r.AgentId));
        Assert.Contains("轮候", decision.Explanation);
    }

    [Fact]
    public void RoundRobin_NeverAssignedComesFirst()
    {
        var decision = RoutingPolicy.Choose(Need(Licence), [
            Agent(1, "李强", Licence, assignedMinutesAgo: 600),
            Agent(2, "新人", Licence),
        ]);

        Assert.Equal(2, decision.AgentId);
    }

    [Fact]
    public void Unavailable_AreNeverChosen_AndNoneAvailableIsAClearRefusal()
    {
        var error = Assert.Throws<DomainRuleException>(() => RoutingPolicy.Choose(Need(Licence), [
            Agent(1, "李强", Licence, available: false),
        ]));

        Assert.Equal("routing.no_agent", error.Code);
        Assert.Contains("手动指派", error.Message);
    }
}
