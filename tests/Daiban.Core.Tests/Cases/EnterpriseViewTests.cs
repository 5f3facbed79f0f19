using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Cases;

/// <summary>Security review, issue 16 item 8: the enterprise reads only the lines meant for it, in words meant for it.</summary>
public sealed class EnterpriseViewTests
{
    private const string RoutingReason = "当前负荷8；在熟悉度相同的代办员中负荷最低";

    private static Case WorkedCase()
    {
        var c = Submitted(ServiceMode.Agency);
        c.Register(Clerk, Monday, "综合窗口登记");
        c.AssignAgent(Agent.Id!.Value, Agent.Name, RoutingReason, Clerk, Monday);
        c.Start(Agent, Monday);
        c.AddWorkLog("与住建局沟通内部意见", "企业法人不配合，疑似资金紧张", "内部协调", null, false, false, Agent, Monday);
        c.AssignAgent(OtherAgent.Id!.Value, OtherAgent.Name, "窗口改派：李强请假", Clerk, Monday);
        c.SubmitItem("S3-03", DateOnly.FromDateTime(Monday.Date), null, WorkCalendar, OtherAgent, Monday);
        return c;
    }

    [Fact]
    public void TheEnterpriseLog_LeavesOutInternalNotes_RoutingAndOverrideReasons_AndNamesDepartments()
    {
        var told = WorkedCase().Log.Select(l => l.ForEnterprise).OfType<string>().ToList();
        var all = string.Join("\n", told);

        Assert.DoesNotContain("内部意见", all);
        Assert.DoesNotContain("资金紧张", all);
        Assert.DoesNotContain("负荷", all);
        Assert.DoesNotContain("请假", all);
        Assert.DoesNotContain("→", all);
        Assert.DoesNotContain("ZJJ", all);
        Assert.Contains("已为您指派代办员李强", told);
        Assert.Contains("您的代办员已由李强改为张丽", told);
        Assert.Contains(told, t => t.Contains("已报送乳山市行政审批服务局并受理"));
        Assert.Contains("综合窗口已登记您的申请", told);
    }

    [Fact]
    public void TheStaffLog_KeepsEverything()
    {
        var all = string.Join("\n", WorkedCase().Log.Select(l => $"{l.Content} {l.Problems}"));

        Assert.Contains(RoutingReason, all);
        Assert.Contains("资金紧张", all);
        Assert.Contains("已报送ZJJ", all);
    }

    [Fact]
    public void TheArchive_KeepsBothViews_TheHashStillCoversTheFullContent()
    {
        var c = WorkedCase();
        foreach (var item in c.Items.Where(i => i.Status != CaseItemStatus.Approved))
        {
            if (item.ItemCode != "S3-03")
                c.SubmitItem(item.ItemCode, DateOnly.FromDateTime(Monday.Date), null, WorkCalendar, OtherAgent, Monday);
            c.ApproveItem(item.ItemCode, $"{item.ItemCode}-2026-001", null, OtherAgent, Monday);
        }
        c.MarkResultsReady(OtherAgent, Monday);
        c.DeliverInPerson("施工许可证正本", "孙海", null, OtherAgent, Monday);

        var archive = CompileArchive(c, Monday);

        Assert.True(CaseArchiving.IsIntact(archive));
        Assert.Contains("资金紧张", archive.ContentJson);
        Assert.Contains(RoutingReason, archive.ContentJson);
        var (json, hash, intact) = CaseArchiving.ForEnterprise(archive);
        Assert.True(intact);
        Assert.NotEqual(archive.ContentHash, hash);
        foreach (var secret in new[] { "资金紧张", "内部意见", "负荷", "请假", "\"ZJJ\"", "→" })
            Assert.DoesNotContain(secret, json);
        Assert.Contains("乳山市行政审批服务局", json);
        Assert.Contains("已为您指派代办员李强", json);
    }
}
