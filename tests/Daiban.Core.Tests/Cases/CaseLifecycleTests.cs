using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Testing;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Cases;

/// <summary>Every (mode, from, to) pair of the case lifecycle, exercised through the entity's own methods.</summary>
public sealed class CaseLifecycleTests
{
    // Written out from docs/architecture.md §8 independently of CaseStatuses.Table, so a change to either is caught.
    private static readonly HashSet<(CaseStatus, CaseStatus)> Expected =
    [
        (CaseStatus.Submitted, CaseStatus.Registered), (CaseStatus.Submitted, CaseStatus.Withdrawn), (CaseStatus.Submitted, CaseStatus.Rejected),
        (CaseStatus.Registered, CaseStatus.Assigned), (CaseStatus.Registered, CaseStatus.Withdrawn), (CaseStatus.Registered, CaseStatus.Rejected),
        (CaseStatus.Assigned, CaseStatus.PlanProposed), (CaseStatus.Assigned, CaseStatus.InProgress), (CaseStatus.Assigned, CaseStatus.Withdrawn),
        (CaseStatus.PlanProposed, CaseStatus.PlanAgreed), (CaseStatus.PlanProposed, CaseStatus.Assigned), (CaseStatus.PlanProposed, CaseStatus.Withdrawn),
        (CaseStatus.PlanAgreed, CaseStatus.InProgress), (CaseStatus.PlanAgreed, CaseStatus.Withdrawn),
        (CaseStatus.InProgress, CaseStatus.AwaitingMaterials), (CaseStatus.InProgress, CaseStatus.ResultsReady), (CaseStatus.InProgress, CaseStatus.Withdrawn),
        (CaseStatus.AwaitingMaterials, CaseStatus.InProgress), (CaseStatus.AwaitingMaterials, CaseStatus.Withdrawn),
        (CaseStatus.ResultsReady, CaseStatus.Delivered),
        (CaseStatus.Delivered, CaseStatus.Evaluated), (CaseStatus.Delivered, CaseStatus.Archived),
        (CaseStatus.Evaluated, CaseStatus.Archived),
    ];

    public static TheoryData<ServiceMode, CaseStatus, CaseStatus> AllPairs()
    {
        var data = new TheoryData<ServiceMode, CaseStatus, CaseStatus>();
        foreach (var mode in Enum.GetValues<ServiceMode>())
            foreach (var from in Enum.GetValues<CaseStatus>())
                foreach (var to in Enum.GetValues<CaseStatus>())
                {
                    if (from != to)
                        data.Add(mode, from, to);
                }
        return data;
    }

    private static bool IsExpected(ServiceMode mode, CaseStatus from, CaseStatus to) =>
        Expected.Contains((from, to)) && !(mode == ServiceMode.FullService && from == CaseStatus.Assigned && to == CaseStatus.InProgress);

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Move_FollowsTheLifecycleTable_ForEveryPair(ServiceMode mode, CaseStatus from, CaseStatus to)
    {
        var c = InState(mode, from);
        Assert.Equal(from, c.Status);
        var version = c.Version;
        var transitions = c.Transitions.Count;
        var log = c.Log.Count;

        Func<bool> move = () => Act(c, to);

        if (IsExpected(mode, from, to))
        {
            Assert.True(move());
            Assert.Equal(to, c.Status);
            var last = c.Transitions[^1];
            Assert.Equal((from, to), (last.From, last.To));
            Assert.True(c.Version > version);
            Assert.True(c.Log.Count > log, "every move writes the log");
        }
        else
        {
            // Refused with a message a person can read, or, when the case already went through this move,
            // a replayed request (a retry arriving late) that changes nothing.
            var replay = c.Transitions.Any(t => t.To == to);
            var error = Record.Exception(() => Assert.False(move(), "an illegal move must not report a change"));
            if (error is null)
                Assert.True(replay, $"{from} -> {to} was neither refused nor a replay of an earlier move");
            else
            {
                var rule = Assert.IsType<DomainRuleException>(error);
                Assert.False(string.IsNullOrWhiteSpace(rule.Message));
                Assert.DoesNotMatch("[A-Za-z]{6,}", rule.Message);
            }
            Assert.Equal(from, c.Status);
            Assert.Equal(version, c.Version);
            Assert.Equal(transitions, c.Transitions.Count);
            Assert.Equal(log, c.Log.Count);
        }
    }

    public static TheoryData<ServiceMode, CaseStatus> RepeatableStates()
    {
        var data = new TheoryData<ServiceMode, CaseStatus>();
        foreach (var mode in Enum.GetValues<ServiceMode>())
            foreach (var s in Enum.GetValues<CaseStatus>().Except([CaseStatus.Submitted, CaseStatus.PlanProposed]))
                data.Add(mode, s);
        return data;
    }

    [Theory]
    [MemberData(nameof(RepeatableStates))]
    public void Move_IsANoOp_WhenRepeated(ServiceMode mode, CaseStatus state)
    {
        var c = InState(mode, state);
        var version = c.Version;
        var log = c.Log.Count;

        Assert.False(Act(c, state));

        Assert.Equal(state, c.Status);
        Assert.Equal(version, c.Version);
        Assert.Equal(log, c.Log.Count);
    }

    [Fact]
    public void Start_RefusesFullService_WithoutAgreedPlan()
    {
        var c = InState(ServiceMode.FullService, CaseStatus.Assigned);

        var error = Assert.Throws<DomainRuleException>(() => c.Start(Agent, Monday));

        Assert.Equal("case.plan_required", error.Code);
        Assert.Contains("服务方案", error.Message);
    }

    [Fact]
    public void DecidePlan_Rejection_ReturnsCaseToAgent_AndANewPlanCanBeAgreed()
    {
        var c = InState(ServiceMode.FullService, CaseStatus.PlanProposed);

        c.DecidePlan(false, "施工许可的时间太晚，希望提前", Contact, Monday);
        Assert.Equal(CaseStatus.Assigned, c.Status);
        ProposePlan(c, Monday.AddHours(2));
        c.DecidePlan(true, null, Contact, Monday.AddHours(3));

        Assert.Equal(CaseStatus.PlanAgreed, c.Status);
        Assert.Equal(2, c.Plans.Count);
        Assert.Equal(PlanDecision.Rejected, c.Plans[0].Decision);
        Assert.Equal(PlanDecision.Agreed, c.CurrentPlan!.Decision);
        Assert.Equal(2, c.CurrentPlan.Version);
    }

    [Fact]
    public void DecidePlan_RefusesRejectionWithoutReason()
    {
        var c = InState(ServiceMode.FullService, CaseStatus.PlanProposed);

        Assert.Throws<DomainRuleException>(() => c.DecidePlan(false, " ", Contact, Monday));
        Assert.Equal(CaseStatus.PlanProposed, c.Status);
    }

    [Fact]
    public void AssignAgent_WhileWorked_ReassignsAndExplains()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.InProgress);

        c.AssignAgent(OtherAgent.Id!.Value, OtherAgent.Name, "李强休假，改由张丽负责", Clerk, Monday.AddDays(1));

        Assert.Equal(CaseStatus.InProgress, c.Status);
        Assert.Equal(OtherAgent.Id, c.AgentId);
        Assert.Equal(2, c.Assignments.Count);
        Assert.NotNull(c.Assignments[0].EndedAt);
        Assert.Null(c.Assignments[1].EndedAt);
        Assert.Contains("改为张丽", c.Log[^1].Content);
    }

    [Fact]
    public void MarkResultsReady_ListsItemsStillOpen()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.Assigned);
        c.Start(Agent, Monday);

        var error = Assert.Throws<DomainRuleException>(() => c.MarkResultsReady(Agent, Monday));

        Assert.Contains("施工许可证核发", error.Message);
    }

    [Fact]
    public void MailResults_EndsServiceOnlyAtConfirmedReceipt()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.ResultsReady);

        c.MailResults("施工许可证正本；申报材料原件", "中国邮政EMS", "EMS1234567890", Agent, Monday);
        Assert.Equal(CaseStatus.ResultsReady, c.Status);
        Assert.False(c.MailResults("施工许可证正本；申报材料原件", "中国邮政EMS", "EMS1234567890", Agent, Monday));
        c.ConfirmReceipt("孙海", null, Contact, Monday.AddDays(2));

        Assert.Equal(CaseStatus.Delivered, c.Status);
        Assert.True(c.Delivery!.IsReceiptSigned);
        Assert.Equal(Contact.Id, c.Delivery.ConfirmedByContactId);
    }

    [Theory]
    [InlineData(SatisfactionLevel.VeryDissatisfied)]
    [InlineData(SatisfactionLevel.Dissatisfied)]
    public void Evaluate_ABadReviewWithoutAReason_IsRefused_AndNothingIsRecorded(SatisfactionLevel level)
    {
        var c = InState(ServiceMode.Agency, CaseStatus.Delivered);

        var error = Assert.Throws<DomainRuleException>(() => c.Evaluate(GoodReview with { Overall = level,
            Comment = " " }, WorkCalendar, 5, Contact, Monday));

        Assert.Equal("evaluation.reason_required", error.Code);
        Assert.Null(c.Evaluation);
        Assert.True(c.Evaluate(GoodReview with { Overall = level, Comment = "材料来回跑了三次" }, WorkCalendar, 5, Contact,
            Monday));
    }

    [Fact]
    public void Evaluate_AnAspectNotRated_StaysUnrated_AndABadAspectIsABadReviewNeedingItsReason()
    {
        var onlyOverall = InState(ServiceMode.Agency, CaseStatus.Delivered);
        Assert.True(onlyOverall.Evaluate(new EvaluationForm(SatisfactionLevel.VerySatisfied, null, null, null, null,
            null, null), WorkCalendar, 5, Contact, Monday));
        Assert.Null(onlyOverall.Evaluation!.Attitude);
        Assert.False(onlyOverall.Evaluation.IsBad);

        var rude = InState(ServiceMode.Agency, CaseStatus.Delivered);
        var form = new EvaluationForm(SatisfactionLevel.Satisfied, SatisfactionLevel.VeryDissatisfied, null, null,
            null, null, null);
        Assert.Equal("evaluation.reason_required", Assert.Throws<DomainRuleException>(() =>
            rude.Evaluate(form, WorkCalendar, 5, Contact, Monday)).Code);
        Assert.True(rude.Evaluate(form with { Comment = "电话里态度很差" }, WorkCalendar, 5, Contact, Monday));
        Assert.True(rude.Evaluation!.IsBad);
    }

    [Fact]
    public void Evaluate_IsOncePerCase_AndAttributedToDeliveringAgent()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.Evaluated);

        var bad = GoodReview with { Overall = SatisfactionLevel.Dissatisfied };
        var error = Assert.Throws<DomainRuleException>(() => c.Evaluate(bad, WorkCalendar, 5, Contact, Monday));

        Assert.Equal("evaluation.duplicate", error.Code);
        Assert.Equal(Agent.Id, c.Evaluation!.AgentId);
        Assert.Equal(SatisfactionLevel.VerySatisfied, c.Evaluation.Overall);
    }

    [Fact]
    public void Evaluate_RefusedAfterWindowOfWorkingDays()
    {
        var c = InState(ServiceMode.Help, CaseStatus.Delivered);
        // Delivered Monday 2 March 2026; five working days end Monday 9 March.
        Assert.True(c.Evaluate(GoodReview, WorkCalendar, 5, Contact, Monday.AddDays(7)));
        var late = InState(ServiceMode.Help, CaseStatus.Delivered);

        var error = Assert.Throws<DomainRuleException>(() => late.Evaluate(GoodReview, WorkCalendar, 5, Contact, Monday.AddDays(8)));

        Assert.Equal("evaluation.window_closed", error.Code);
        Assert.Contains("2026-03-09", error.Message);
    }

    [Fact]
    public void Archive_RecordsContentHashOfEverything()
    {
        var c = InState(ServiceMode.FullService, CaseStatus.Evaluated);

        var archive = CompileArchive(c, Monday);

        Assert.Equal(CaseArchiveCompiler.Hash(archive.ContentJson), archive.ContentHash);
        Assert.Contains("服务方案", c.Log.Select(l => l.Content).First(t => t.Contains("服务方案")));
        foreach (var expected in new[] { "按施工许可阶段并联推进", "S3-03-2026-001", "非常满意", "施工许可证正本", "指派代办员" })
            Assert.Contains(expected, archive.ContentJson);
    }

    [Fact]
    public void Submit_RefusesEmptyOrDuplicatedScope()
    {
        var error = Assert.Throws<DomainRuleException>(() => Case.Submit(1, 2, null, ServiceMode.Agency, ApplicationChannel.WalkIn,
            [], [Item("S3-03"), Item("S3-03")], null, null, Clerk, Monday));
        Assert.Equal("case.scope_duplicate", error.Code);
        var empty = Assert.Throws<DomainRuleException>(() => Case.Submit(1, 2, null, ServiceMode.Agency, ApplicationChannel.WalkIn,
            [], [], null, null, Clerk, Monday));
        Assert.Equal("case.scope_empty", empty.Code);
    }

    /// <summary>The one method that produces each target status from the given state; true when it changed the case.</summary>
    private static bool Act(Case c, CaseStatus to)
    {
        var now = Monday;
        return to switch
        {
            CaseStatus.Submitted => throw new DomainRuleException("test.no_method", "没有回到已提交状态的操作。"),
            CaseStatus.Registered => c.Register(Clerk, now),
            CaseStatus.Assigned when c.Status == CaseStatus.PlanProposed => c.DecidePlan(false, "需要调整时间安排", Contact, now),
            CaseStatus.Assigned => c.AssignAgent(Agent.Id!.Value, Agent.Name, "熟悉施工许可阶段", Clerk, now),
            CaseStatus.PlanProposed => ProposePlan(c, now) is not null,
            CaseStatus.PlanAgreed => c.DecidePlan(true, "同意", Contact, now),
            CaseStatus.InProgress when c.Status == CaseStatus.AwaitingMaterials => c.ResumeAfterMaterials(Contact, now),
            CaseStatus.InProgress => c.Start(Agent, now),
            CaseStatus.AwaitingMaterials => c.RequestMaterials(["营业执照复印件"], Agent, now),
            CaseStatus.ResultsReady => c.MarkResultsReady(Agent, now),
            CaseStatus.Delivered => c.DeliverInPerson("施工许可证正本", "孙海", null, Agent, now),
            CaseStatus.Evaluated => c.Evaluate(GoodReview, WorkCalendar, 5, Contact, now),
            CaseStatus.Archived => c.Archive(CompileArchiveOrFake(c, now), Clerk, now),
            CaseStatus.Withdrawn => c.Withdraw("企业不再需要", Contact, now),
            CaseStatus.Rejected => c.Reject("不属于工程建设项目", Clerk, now),
            _ => throw new ArgumentOutOfRangeException(nameof(to)),
        };
    }

    // An archive can only be compiled for a finished case; for the others the refusal must come from Archive itself.
    private static CaseArchive CompileArchiveOrFake(Case c, DateTimeOffset now) =>
        c.Status is CaseStatus.Delivered or CaseStatus.Evaluated
            ? CompileArchive(c, now)
            : new CaseArchive(c.Id, "{}", CaseArchiveCompiler.Hash("{}"), "{}", CaseArchiveCompiler.Hash("{}"),
                Clerk.Name, now);
}
