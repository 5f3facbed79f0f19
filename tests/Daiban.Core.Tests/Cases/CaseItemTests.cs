using Daiban.Core.Cases;
using Daiban.Core.Common;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Cases;

public sealed class CaseItemTests
{
    private const string Code = "S3-03";
    private static readonly DateOnly Tuesday10Feb = new(2026, 2, 10);

    private static Case Working()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.Assigned);
        c.Start(Agent, Monday);
        return c;
    }

    private static CaseItem Item(Case c) => c.Items.Single(i => i.ItemCode == Code);

    // Independent copy of the item lifecycle (docs/architecture.md §8).
    private static readonly HashSet<(CaseItemStatus, CaseItemStatus)> Expected =
    [
        (CaseItemStatus.NotStarted, CaseItemStatus.Preparing), (CaseItemStatus.NotStarted, CaseItemStatus.SubmittedToDepartment),
        (CaseItemStatus.Preparing, CaseItemStatus.SubmittedToDepartment),
        (CaseItemStatus.SubmittedToDepartment, CaseItemStatus.AwaitingSupplement), (CaseItemStatus.SubmittedToDepartment, CaseItemStatus.Approved),
        (CaseItemStatus.SubmittedToDepartment, CaseItemStatus.Refused),
        (CaseItemStatus.AwaitingSupplement, CaseItemStatus.SubmittedToDepartment), (CaseItemStatus.AwaitingSupplement, CaseItemStatus.Refused),
        (CaseItemStatus.Refused, CaseItemStatus.Preparing),
    ];

    public static TheoryData<CaseItemStatus, CaseItemStatus> AllPairs()
    {
        var data = new TheoryData<CaseItemStatus, CaseItemStatus>();
        foreach (var from in Enum.GetValues<CaseItemStatus>())
            foreach (var to in Enum.GetValues<CaseItemStatus>())
            {
                if (from != to)
                    data.Add(from, to);
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Move_FollowsTheItemTable_ForEveryPair(CaseItemStatus from, CaseItemStatus to)
    {
        var c = Working();
        Drive(c, from);
        Assert.Equal(from, Item(c).Status);
        var version = c.Version;

        Func<bool> move = () => Act(c, to);

        if (Expected.Contains((from, to)))
        {
            Assert.True(move());
            Assert.Equal(to, Item(c).Status);
            Assert.True(c.Version > version);
        }
        else
        {
            var error = Assert.Throws<DomainRuleException>(() => move());
            Assert.DoesNotMatch("[A-Za-z]{6,}", error.Message);
            Assert.Equal(from, Item(c).Status);
            Assert.Equal(version, c.Version);
        }
    }

    [Fact]
    public void SubmitItem_SetsDueDate_FromPromisedWorkingDays()
    {
        var c = Working();

        c.SubmitItem(Code, Tuesday10Feb, "SG-1", WorkCalendar, Agent, Monday);

        // Promised 3 working days from Tue 10 Feb: 11, 12, 13 Feb.
        Assert.Equal(new DateOnly(2026, 2, 13), Item(c).DueOn);
        Assert.True(Item(c).DeadlineActive);
    }

    [Fact]
    public void Supplement_PausesTheClock_AndResubmissionExtendsTheDueDate()
    {
        var c = Working();
        c.SubmitItem(Code, Tuesday10Feb, null, WorkCalendar, Agent, Monday);

        c.RequestItemSupplement(Code, "缺少施工合同", new DateOnly(2026, 2, 12), WorkCalendar, Agent, Monday);
        Assert.False(Item(c).DeadlineActive);
        Assert.True(Item(c).IsClockPaused);
        c.SubmitItem(Code, new DateOnly(2026, 2, 25), null, WorkCalendar, Agent, Monday);

        // Excluded: working days in (12 Feb, 25 Feb] = 13, 14, 24, 25 Feb → 3 + 4 = 7 working days from 10 Feb.
        Assert.Equal(4, Item(c).ExcludedWorkingDays(WorkCalendar));
        Assert.Equal(new DateOnly(2026, 2, 26), Item(c).DueOn);
        Assert.True(Item(c).DeadlineActive);
        Assert.Equal(CaseItemStatus.SubmittedToDepartment, Item(c).Status);
    }

    [Fact]
    public void ExpertReview_PauseAndResume_ShiftTheDueDate()
    {
        var c = Working();
        c.SubmitItem("S3-01", new DateOnly(2026, 3, 2), null, WorkCalendar, Agent, Monday);
        var before = c.Items.Single(i => i.ItemCode == "S3-01").DueOn;

        c.PauseItemClock("S3-01", PauseReason.ExpertReview, "消防专家评审", new DateOnly(2026, 3, 4), WorkCalendar, Agent, Monday);
        Assert.False(c.PauseItemClock("S3-01", PauseReason.ExpertReview, null, new DateOnly(2026, 3, 5), WorkCalendar, Agent, Monday));
        c.ResumeItemClock("S3-01", new DateOnly(2026, 3, 11), WorkCalendar, Agent, Monday);

        // 10 working days from Mon 2 Mar → Mon 16 Mar; 5 working days paused (5, 6, 9, 10, 11 Mar) → Mon 23 Mar.
        Assert.Equal(new DateOnly(2026, 3, 16), before);
        Assert.Equal(new DateOnly(2026, 3, 23), c.Items.Single(i => i.ItemCode == "S3-01").DueOn);
    }

    [Fact]
    public void ItemWork_RefusedBeforeTheCaseStarts()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.Assigned);

        var error = Assert.Throws<DomainRuleException>(() => c.PrepareItem(Code, Agent, Monday));

        Assert.Equal("case.not_in_progress", error.Code);
    }

    [Fact]
    public void ItemWork_RefusesUnknownItem()
    {
        var c = Working();

        var error = Assert.Throws<DomainRuleException>(() => c.PrepareItem("S9-99", Agent, Monday));

        Assert.Equal(RuleViolationKind.Invalid, error.Kind);
    }

    private static void Drive(Case c, CaseItemStatus to)
    {
        switch (to)
        {
            case CaseItemStatus.NotStarted:
                return;
            case CaseItemStatus.Preparing:
                c.PrepareItem(Code, Agent, Monday);
                return;
            case CaseItemStatus.SubmittedToDepartment:
                c.SubmitItem(Code, Tuesday10Feb, null, WorkCalendar, Agent, Monday);
                return;
            case CaseItemStatus.AwaitingSupplement:
                Drive(c, CaseItemStatus.SubmittedToDepartment);
                c.RequestItemSupplement(Code, "缺少施工合同", Tuesday10Feb, WorkCalendar, Agent, Monday);
                return;
            case CaseItemStatus.Approved:
                Drive(c, CaseItemStatus.SubmittedToDepartment);
                c.ApproveItem(Code, "370000202602100101", null, Agent, Monday);
                return;
            case CaseItemStatus.Refused:
                Drive(c, CaseItemStatus.SubmittedToDepartment);
                c.RefuseItem(Code, "不符合施工许可条件", Agent, Monday);
                return;
        }
    }

    private static bool Act(Case c, CaseItemStatus to) => to switch
    {
        CaseItemStatus.NotStarted => throw new DomainRuleException("test.no_method", "没有回到未启动状态的操作。"),
        CaseItemStatus.Preparing => c.PrepareItem(Code, Agent, Monday),
        CaseItemStatus.SubmittedToDepartment => c.SubmitItem(Code, Tuesday10Feb, null, WorkCalendar, Agent, Monday),
        CaseItemStatus.AwaitingSupplement => c.RequestItemSupplement(Code, "缺少施工合同", Tuesday10Feb, WorkCalendar, Agent, Monday),
        CaseItemStatus.Approved => c.ApproveItem(Code, "370000202602100102", null, Agent, Monday),
        CaseItemStatus.Refused => c.RefuseItem(Code, "不符合条件", Agent, Monday),
        _ => throw new ArgumentOutOfRangeException(nameof(to)),
    };
}
