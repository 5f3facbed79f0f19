using Daiban.Core.Cases;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Cases;

/// <summary>The mini-program's "now" card: the enterprise's move in each state, and what it still owes.</summary>
public sealed class EnterpriseNextStepTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Monday.Date);

    private static EnterpriseNext Next(Case c, DateOnly? today = null) =>
        EnterpriseNextStep.For(c, MaterialChecklist.For(c, Daiban.Testing.CaseBuilder.Catalog.ToDictionary(i => i.Code)), WorkCalendar, 5,
            today ?? Today);

    [Theory]
    [InlineData(ServiceMode.Agency, CaseStatus.Submitted, EnterpriseAction.None, "申请已提交")]
    [InlineData(ServiceMode.Agency, CaseStatus.Registered, EnterpriseAction.None, "正在为您指派代办员")]
    [InlineData(ServiceMode.Agency, CaseStatus.Assigned, EnterpriseAction.None, "代办员李强将与您联系")]
    [InlineData(ServiceMode.FullService, CaseStatus.Assigned, EnterpriseAction.None, "代办员李强正在拟定服务方案")]
    [InlineData(ServiceMode.FullService, CaseStatus.PlanProposed, EnterpriseAction.AgreePlan, "请确认服务方案")]
    [InlineData(ServiceMode.Agency, CaseStatus.InProgress, EnterpriseAction.None, "代办员李强正在办理")]
    [InlineData(ServiceMode.Agency, CaseStatus.AwaitingMaterials, EnterpriseAction.SupplyMaterials, "请补充1项材料")]
    [InlineData(ServiceMode.Agency, CaseStatus.ResultsReady, EnterpriseAction.None, "全部事项已办结")]
    [InlineData(ServiceMode.Agency, CaseStatus.Delivered, EnterpriseAction.Evaluate, "请评价本次服务")]
    [InlineData(ServiceMode.Agency, CaseStatus.Evaluated, EnterpriseAction.None, "服务已完成")]
    [InlineData(ServiceMode.Agency, CaseStatus.Archived, EnterpriseAction.None, "已办结归档")]
    [InlineData(ServiceMode.Agency, CaseStatus.Withdrawn, EnterpriseAction.None, "申请已撤回")]
    public void EachState_SaysWhoseMoveItIs(ServiceMode mode, CaseStatus status, EnterpriseAction action,
        string title)
    {
        var next = Next(InState(mode, status));

        Assert.Equal(action, next.Action);
        Assert.Equal(title, next.Title);
        Assert.Equal(action != EnterpriseAction.None, next.NeedsEnterprise);
    }

    [Fact]
    public void TheOneTimeNotice_IsOwedNameByName_UntilEachArrives()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.InProgress);
        c.RequestMaterials(["营业执照复印件", "建设资金已落实承诺书"], Agent, Monday.AddHours(1));

        var asked = Next(c);
        c.ReceiveMaterial("建设资金已落实承诺书", "S3-03", 1, false, "file-1", Contact, Monday.AddHours(2));
        var oneLeft = Next(c);

        Assert.Equal(["营业执照复印件", "建设资金已落实承诺书"], asked.Owed.Select(o => o.Material));
        Assert.Equal("请补充2项材料", asked.Title);
        Assert.Equal("营业执照复印件", Assert.Single(oneLeft.Owed).Material);
        Assert.Equal("请补充1项材料", oneLeft.Title);

        c.ReceiveMaterial("营业执照复印件", "S3-03", 1, false, "file-2", Contact, Monday.AddHours(3));
        var allIn = Next(c);
        Assert.Equal(EnterpriseAction.None, allIn.Action);
        Assert.Equal("材料已全部提交", allIn.Title);
        Assert.Empty(allIn.Owed);
    }

    [Fact]
    public void AMaterialSentBack_IsOwedWithTheAgentsNote_UntilSuppliedAgain()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.InProgress);
        var first = c.ReceiveMaterial("施工场地已具备施工条件的说明", "S3-03", 1, false, "file-1", Contact, Monday);
        c.ReviewMaterial(first.Id, MaterialReview.NeedsCorrection, "缺少建设单位盖章", Agent, Monday.AddHours(1));

        var sentBack = Next(c);
        c.ReceiveMaterial("施工场地已具备施工条件的说明", "S3-03", 1, false, "file-2", Contact, Monday.AddHours(2));
        var again = Next(c);

        Assert.Equal(EnterpriseAction.SupplyMaterials, sentBack.Action);
        var owed = Assert.Single(sentBack.Owed);
        Assert.True(owed.NeedsCorrection);
        Assert.Equal("缺少建设单位盖章", owed.Note);
        Assert.Equal("建筑工程施工许可证核发", owed.ItemName);
        Assert.Equal(EnterpriseAction.None, again.Action);
        Assert.Empty(again.Owed);
    }

    [Fact]
    public void ResultsAreSignedFor_OnlyOnceMailed_AndTheCardNamesCarrierAndTrackingNumber()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.ResultsReady);

        var beforeMailing = Next(c);
        c.MailResults("施工许可证正本", "中国邮政EMS", "EMS1234567890", Agent, Monday.AddHours(1));
        var mailed = Next(c);

        Assert.Equal(EnterpriseAction.None, beforeMailing.Action);
        Assert.Equal(EnterpriseAction.SignForResults, mailed.Action);
        Assert.Contains("中国邮政EMS", mailed.Detail);
        Assert.Contains("EMS1234567890", mailed.Detail);
    }

    [Fact]
    public void TheEvaluationCard_Leaves_WhenTheWindowCloses()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.Delivered);

        var open = Next(c);
        var closed = Next(c, WorkCalendar.AddWorkingDays(Today, 6));

        Assert.Equal(EnterpriseAction.Evaluate, open.Action);
        Assert.Contains("评价期至3月9日", open.Detail);
        Assert.Equal(EnterpriseAction.None, closed.Action);
    }

    [Fact]
    public void WhileTheAgentWorks_TheCardNamesTheNearestDueItemAndItsWorkingDaysLeft()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.Assigned);
        c.Start(Agent, Monday);
        c.SubmitItem("S3-03", Today, null, WorkCalendar, Agent, Monday);
        var due = c.Items.Single(i => i.ItemCode == "S3-03").RunningDueOn!.Value;

        var left = WorkCalendar.WorkingDaysBetween(Today, due);

        var next = Next(c);

        Assert.Equal($"最近一项“建筑工程施工许可证核发”承诺{due.Month}月{due.Day}日前办结，还有{left}个工作日。", next.Detail);
    }
}
