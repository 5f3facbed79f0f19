using Daiban.Core.Cases;
using Daiban.Core.Common;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Cases;

/// <summary>A case that ends early: withdrawn by the enterprise (自愿申请), or not accepted by the window.</summary>
public sealed class CaseClosingTests
{
    [Fact]
    public void AWithdrawnCase_KeepsNoDeadline_AndItsAgentIsReleased()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.Assigned);
        c.Start(Agent, Monday);
        c.SubmitItem("S3-01", DateOnly.FromDateTime(Monday.Date), null, WorkCalendar, Agent, Monday);
        Assert.NotNull(c.Items.Single(i => i.ItemCode == "S3-01").RunningDueOn);

        Assert.True(c.Withdraw("项目暂缓建设", Contact, Monday.AddDays(1)));
        Assert.False(c.Withdraw("项目暂缓建设", Contact, Monday.AddDays(1)));

        Assert.Equal(CaseStatus.Withdrawn, c.Status);
        Assert.Equal("项目暂缓建设", c.ClosingReason);
        Assert.All(c.Items, i => Assert.Null(i.RunningDueOn));
        Assert.NotNull(Assert.Single(c.Assignments).EndedAt);
        Assert.Contains("项目暂缓建设", c.Log[^1].Content);
        Assert.True(c.Log[^1].VisibleToEnterprise);
    }

    [Fact]
    public void OnlyStaff_RejectAnApplication_AndOnlyBeforeItIsWorked()
    {
        var byEnterprise = Assert.Throws<DomainRuleException>(() => Submitted(ServiceMode.Help).Reject("重复申请", Contact, Monday));
        var assigned = InState(ServiceMode.Help, CaseStatus.Assigned);
        Assert.Throws<DomainRuleException>(() => assigned.Reject("重复申请", Clerk, Monday));
        var noReason = Assert.Throws<DomainRuleException>(() => Submitted(ServiceMode.Help).Reject(" ", Clerk, Monday));
        var registered = InState(ServiceMode.Help, CaseStatus.Registered);

        Assert.True(registered.Reject("不属于工程建设项目", Clerk, Monday));

        Assert.Equal("case.staff_only", byEnterprise.Code);
        Assert.Equal("field.required", noReason.Code);
        Assert.Equal(CaseStatus.Assigned, assigned.Status);
        Assert.Equal(CaseStatus.Rejected, registered.Status);
    }

    [Theory]
    [InlineData(CaseStatus.Submitted, true, false)]
    [InlineData(CaseStatus.InProgress, true, true)]
    [InlineData(CaseStatus.AwaitingMaterials, true, true)]
    [InlineData(CaseStatus.ResultsReady, false, true)]
    [InlineData(CaseStatus.Withdrawn, false, false)]
    public void WhatTheEnterpriseMayStillDo_FollowsTheState(CaseStatus status, bool withdraw, bool mail)
    {
        var c = InState(ServiceMode.Agency, status);

        Assert.Equal(withdraw, c.CanBeWithdrawn);
        Assert.Equal(mail, c.AcceptsMail);
    }
}
