using Daiban.Core.Common;
using Daiban.Core.DifficultIssues;
using Daiban.Core.Supervision;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Supervision;

/// <summary>Every (from, to) pair of the meeting, ledger, callback and rectification state machines.</summary>
public sealed class SmallStateMachineTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    public static TheoryData<MeetingStatus, MeetingStatus> MeetingPairs() => Pairs<MeetingStatus>();

    [Theory]
    [MemberData(nameof(MeetingPairs))]
    public void Meeting_FollowsItsTable(MeetingStatus from, MeetingStatus to)
    {
        var allowed = from == MeetingStatus.Scheduled && to is MeetingStatus.Held or MeetingStatus.Cancelled;
        var m = Meeting();
        if (from == MeetingStatus.Held) m.RecordMinutes("会议纪要", null, Monday);
        if (from == MeetingStatus.Cancelled) m.Cancel();
        Func<bool> act = to switch
        {
            MeetingStatus.Held => () => m.RecordMinutes("明确施工许可申报条件", "住建部门3日内出具意见", Monday),
            MeetingStatus.Cancelled => () => m.Cancel(),
            _ => () => throw new DomainRuleException("test.no_method", "没有回到已安排状态的操作。"),
        };
        Check(allowed, act, () => m.Status, from, to);
    }

    public static TheoryData<IssueStatus, IssueStatus> IssuePairs() => Pairs<IssueStatus>();

    [Theory]
    [MemberData(nameof(IssuePairs))]
    public void DifficultIssue_FollowsItsTable(IssueStatus from, IssueStatus to)
    {
        HashSet<(IssueStatus, IssueStatus)> expected =
            [(IssueStatus.Open, IssueStatus.InProgress), (IssueStatus.Open, IssueStatus.Resolved), (IssueStatus.InProgress, IssueStatus.Resolved), (IssueStatus.Resolved, IssueStatus.InProgress)];
        var issue = Issue();
        if (from == IssueStatus.InProgress) issue.ReportProgress("已对接", Monday);
        if (from == IssueStatus.Resolved) issue.Resolve("已解决", Monday);
        Func<bool> act = to switch
        {
            IssueStatus.InProgress => () => issue.ReportProgress("住建部门正在研究", Monday),
            IssueStatus.Resolved => () => issue.Resolve("明确可先行办理", Monday),
            _ => () => throw new DomainRuleException("test.no_method", "没有回到待办理状态的操作。"),
        };
        Check(expected.Contains((from, to)), act, () => issue.Status, from, to);
    }

    public static TheoryData<CallbackStatus, CallbackStatus> CallbackPairs() => Pairs<CallbackStatus>();

    [Theory]
    [MemberData(nameof(CallbackPairs))]
    public void Callback_FollowsItsTable(CallbackStatus from, CallbackStatus to)
    {
        HashSet<(CallbackStatus, CallbackStatus)> expected =
            [(CallbackStatus.Due, CallbackStatus.Done), (CallbackStatus.Due, CallbackStatus.Unreachable), (CallbackStatus.Unreachable, CallbackStatus.Done)];
        var cb = new Callback(1, CallbackKind.SpotCheck, 5, Today, Monday);
        if (from == CallbackStatus.Done) cb.Record(true, "企业满意", true, Clerk, Monday);
        if (from == CallbackStatus.Unreachable) cb.Record(false, "电话无人接听", null, Clerk, Monday);
        Func<bool> act = to switch
        {
            CallbackStatus.Done => () => cb.Record(true, "企业表示服务及时", true, Clerk, Monday),
            CallbackStatus.Unreachable => () => cb.Record(false, "关机", null, Clerk, Monday),
            _ => () => throw new DomainRuleException("test.no_method", "没有回到待回访状态的操作。"),
        };
        Check(expected.Contains((from, to)), act, () => cb.Status, from, to);
    }

    public static TheoryData<RectificationStatus, RectificationStatus> RectificationPairs() => Pairs<RectificationStatus>();

    [Theory]
    [MemberData(nameof(RectificationPairs))]
    public void Rectification_FollowsItsTable(RectificationStatus from, RectificationStatus to)
    {
        var allowed = from == RectificationStatus.Open && to != RectificationStatus.Open;
        var r = new Rectification(1, 7, 2, 5, Today.AddDays(7), Monday);
        var callback = new Callback(1, CallbackKind.BadReview, 5, Today, Monday);
        callback.Record(true, "已向企业说明并道歉", true, Clerk, Monday);
        if (from != RectificationStatus.Open) r.Close(from, "核实属实", "加强培训", "已反馈企业", callback, Clerk, Monday);
        Func<bool> act = to == RectificationStatus.Open
            ? () => throw new DomainRuleException("test.no_method", "没有重新打开整改的操作。")
            : () => r.Close(to, "核实属实", "代办员补办手续", "已电话反馈企业", callback, Clerk, Monday);
        Check(allowed, act, () => r.Status, from, to);
    }

    [Fact]
    public void Rectification_CannotCloseWithoutCompletedCallback()
    {
        var r = new Rectification(1, 7, 2, 5, Today.AddDays(7), Monday);
        var callback = new Callback(1, CallbackKind.BadReview, 5, Today, Monday);

        var error = Assert.Throws<DomainRuleException>(() => r.Close(RectificationStatus.Rectified, "核实", "整改", "反馈", callback, Clerk, Monday));

        Assert.Equal("rectification.callback_required", error.Code);
        Assert.Equal(RectificationStatus.Open, r.Status);
    }

    [Fact]
    public void DifficultIssue_IsOverdue_OnlyAfterDeadlineWhileUnresolved()
    {
        var issue = Issue();
        Assert.False(issue.IsOverdue(Today.AddDays(5)));
        Assert.True(issue.IsOverdue(Today.AddDays(6)));
        issue.Resolve("已解决", Monday);
        Assert.False(issue.IsOverdue(Today.AddDays(6)));
    }

    private static JointReviewMeeting Meeting() =>
        new("海达项目联审会议", Monday.AddDays(2), "政务服务大厅3楼会议室", ["ZJJ", "ZRGH"], [1], "施工许可前置条件", Clerk, Monday);

    private static DifficultIssue Issue() => new(1, null, "施工图审查与人防审查意见不一致", "ZJJ", 4, Today.AddDays(5), Agent, Monday);

    private static TheoryData<T, T> Pairs<T>() where T : struct, Enum
    {
        var data = new TheoryData<T, T>();
        foreach (var a in Enum.GetValues<T>())
            foreach (var b in Enum.GetValues<T>())
            {
                if (!a.Equals(b))
                    data.Add(a, b);
            }
        return data;
    }

    private static void Check<T>(bool allowed, Func<bool> act, Func<T> status, T from, T to)
    {
        Assert.Equal(from, status());
        if (allowed)
        {
            Assert.True(act());
            Assert.Equal(to, status());
        }
        else
        {
            var error = Record.Exception(() => Assert.False(act()));
            if (error is not null)
                Assert.IsType<DomainRuleException>(error);
            Assert.Equal(from, status());
        }
    }
}
