using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Staff;
using Daiban.Testing;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Cases;

/// <summary>不清楚，由代办员帮我确定: an application without approvals, settled later by its agent.</summary>
public sealed class ScopeSettlementTests
{
    private static readonly StaffPowers AgentPowers = new(Agent.Id!.Value, StaffRoles.Agent, null);

    private static Case LeftToAgent(ServiceMode mode)
    {
        var c = Case.Submit(100, 200, Contact.Id, mode, ApplicationChannel.Online, [], [], "不清楚要办哪些手续", null,
            Contact, Monday, scopeLeftToAgent: true);
        c.Register(Clerk, Monday);
        c.AssignAgent(Agent.Id!.Value, Agent.Name, "熟悉施工许可阶段", Clerk, Monday);
        c.TakeEvents();
        return c;
    }

    [Fact]
    public void AnApplicationWithoutApprovals_IsRefused_UnlessLeftToTheAgent()
    {
        var refused = Assert.Throws<DomainRuleException>(() => Case.Submit(100, 200, Contact.Id, ServiceMode.Agency,
            ApplicationChannel.Online, [], [], null, null, Contact, Monday));
        Assert.Equal("case.scope_empty", refused.Code);

        var c = LeftToAgent(ServiceMode.Agency);
        Assert.True(c.ScopeToSettle);
        Assert.Empty(c.Items);
        Assert.Contains(c.Log, l => l.VisibleToEnterprise && l.Content.Contains("请代办员帮助确定"));
    }

    [Fact]
    public void BeforeTheScopeIsSettled_TheAgentMaySettleIt_ButNotStartOrPlan()
    {
        var agency = LeftToAgent(ServiceMode.Agency);
        var work = CaseWorkflow.For(agency, AgentPowers, WorkCalendar, 10, DateOnly.FromDateTime(Monday.Date));
        Assert.Contains(CaseStep.SettleScope, work.Steps);
        Assert.DoesNotContain(CaseStep.Start, work.Steps);
        Assert.Contains("确定办理事项", work.NextStep);
        Assert.Equal("scope.to_settle",
            Assert.Throws<DomainRuleException>(() => agency.Start(Agent, Monday)).Code);

        var full = LeftToAgent(ServiceMode.FullService);
        Assert.DoesNotContain(CaseStep.ProposePlan,
            CaseWorkflow.For(full, AgentPowers, WorkCalendar, 10, DateOnly.FromDateTime(Monday.Date)).Steps);
        Assert.Equal("scope.to_settle", Assert.Throws<DomainRuleException>(() =>
            full.ProposePlan("方案", [new PlanStep(1, "报送", null, null)], Agent, Monday)).Code);
    }

    [Fact]
    public void SettlingTheScope_AddsTheItems_TellsTheEnterprise_AndLetsTheWorkStart()
    {
        var c = LeftToAgent(ServiceMode.Agency);
        var items = ScopeResolver.Resolve(CaseBuilder.Catalog, ProjectCategories.SocialIndustrial, [Stage.ConstructionLicence],
            []);

        var added = c.SettleScope(items, Agent, Monday.AddHours(2));

        Assert.False(c.ScopeToSettle);
        Assert.Equal(items.Select(i => i.Code), c.Items.Select(i => i.ItemCode));
        Assert.Equal(items.Count, added.Count);
        var settled = Assert.IsType<ScopeSettled>(Assert.Single(c.TakeEvents()));
        Assert.Equal(items.Select(i => i.Name), settled.ItemNames);
        Assert.Contains(c.Log, l => l.VisibleToEnterprise && l.Content.StartsWith("代办员与企业确定办理事项"));
        Assert.True(c.Start(Agent, Monday.AddHours(3)));
        Assert.Equal("scope.settled",
            Assert.Throws<DomainRuleException>(() => c.SettleScope(items, Agent, Monday.AddHours(4))).Code);
    }

    [Fact]
    public void SettlingNothing_IsRefused_AndChangesNothing()
    {
        var c = LeftToAgent(ServiceMode.Agency);

        Assert.Equal("scope.empty", Assert.Throws<DomainRuleException>(() => c.SettleScope([], Agent, Monday)).Code);
        Assert.True(c.ScopeToSettle);
        Assert.Empty(c.TakeEvents());
    }

    [Fact]
    public void OnlyTheCasesAgentSettles()
    {
        var c = LeftToAgent(ServiceMode.Agency);

        Assert.Throws<DomainRuleException>(() => c.SettleScope([Item("S3-01")], Contact, Monday));
        Assert.DoesNotContain(CaseStep.SettleScope, CaseWorkflow.For(c,
            new StaffPowers(OtherAgent.Id!.Value, StaffRoles.Agent, null), WorkCalendar, 10,
            DateOnly.FromDateTime(Monday.Date)).Steps);
    }
}
