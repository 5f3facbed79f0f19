using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Projects;
using Daiban.Core.Seed;

namespace Daiban.Testing;

/// <summary>Drives a case to any status through its public methods only, the way the application would.</summary>
public sealed class CaseBuilder
{
    public static readonly Actor Clerk = Actor.Staff(1, "王敏");
    public static readonly Actor Agent = Actor.Staff(2, "李强");
    public static readonly Actor OtherAgent = Actor.Staff(3, "张丽");
    public static readonly Actor Contact = Actor.Contact(10, "孙海");

    /// <summary>Monday 2 March 2026, 09:00 in Rushan.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly BusinessCalendar WorkCalendar = new(ReferenceData.ShippedCalendarDays());

    public static readonly IReadOnlyList<ApprovalItem> Catalog = ReferenceData.ShippedCatalog();

    public static readonly EvaluationForm GoodReview = new(SatisfactionLevel.VerySatisfied, SatisfactionLevel.VerySatisfied,
        SatisfactionLevel.Satisfied, SatisfactionLevel.VerySatisfied, SatisfactionLevel.Satisfied, "代办员很负责", null);

    public static ApprovalItem Item(string code) => Catalog.Single(i => i.Code == code);

    public static Case Submitted(ServiceMode mode, params string[] itemCodes) =>
        Case.Submit(100, 200, Contact.Id, mode, ApplicationChannel.Online, [Stage.ConstructionLicence],
            (itemCodes.Length == 0 ? ["S3-01", "S3-03"] : itemCodes).Select(Item).ToList(), "测试申请", null, Contact, Monday);

    /// <summary>A case of <paramref name="mode"/> brought to <paramref name="target"/>; items are all approved from InProgress on.</summary>
    public static Case InState(ServiceMode mode, CaseStatus target)
    {
        var c = Submitted(mode);
        var now = Monday;
        switch (target)
        {
            case CaseStatus.Submitted:
                return c;
            case CaseStatus.Withdrawn:
                c.Withdraw("企业不再需要", Contact, now);
                return c;
            case CaseStatus.Rejected:
                c.Reject("不属于工程建设项目", Clerk, now);
                return c;
        }
        c.Register(Clerk, now);
        if (target == CaseStatus.Registered)
            return c;
        c.AssignAgent(Agent.Id!.Value, Agent.Name, "熟悉施工许可阶段", Clerk, now);
        if (target == CaseStatus.Assigned)
            return c;
        if (target is CaseStatus.PlanProposed or CaseStatus.PlanAgreed || mode == ServiceMode.FullService)
        {
            ProposePlan(c, now);
            if (target == CaseStatus.PlanProposed)
                return c;
            c.DecidePlan(true, "同意", Contact, now);
            if (target == CaseStatus.PlanAgreed)
                return c;
        }
        c.Start(Agent, now);
        foreach (var item in c.Items)
        {
            c.SubmitItem(item.ItemCode, DateOnly.FromDateTime(now.Date), null, WorkCalendar, Agent, now);
            c.ApproveItem(item.ItemCode, $"{item.ItemCode}-2026-001", null, Agent, now);
        }
        if (target == CaseStatus.InProgress)
            return c;
        if (target == CaseStatus.AwaitingMaterials)
        {
            c.RequestMaterials(["营业执照复印件"], Agent, now);
            return c;
        }
        c.MarkResultsReady(Agent, now);
        if (target == CaseStatus.ResultsReady)
            return c;
        c.DeliverInPerson("施工许可证正本", "孙海", null, Agent, now);
        if (target == CaseStatus.Delivered)
            return c;
        c.Evaluate(GoodReview, WorkCalendar, 5, Contact, now);
        if (target == CaseStatus.Evaluated)
            return c;
        c.Archive(CompileArchive(c, now), Clerk, now);
        return c;
    }

    public static ServicePlan ProposePlan(Case c, DateTimeOffset now) =>
        c.ProposePlan("按施工许可阶段并联推进审图与施工许可。", [
            new PlanStep(1, "整理施工图并报送联合审图", "S3-01", new DateOnly(2026, 3, 10)),
            new PlanStep(2, "申领施工许可证", "S3-03", new DateOnly(2026, 3, 20)),
        ], Agent, now);

    public static CaseArchive CompileArchive(Case c, DateTimeOffset now)
    {
        var enterprise = new Enterprise("乳山市海达新材料有限公司", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), now);
        var project = new Project(100, new ProjectFacts("测试厂房", null, "乳山市", InvestmentType.Social, ProjectKind.Industrial,
            1000m, 2000m, 3000m, 12m, null, null, Stage.ConstructionLicence, LandSupply.Transfer, null, null, null, null), now);
        return CaseArchiveCompiler.Compile(c, enterprise, project, Clerk, now);
    }
}
