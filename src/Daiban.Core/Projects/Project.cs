using Daiban.Core.Catalog;
using Daiban.Core.Common;

namespace Daiban.Core.Projects;

public enum InvestmentType
{
    /// <summary>政府投资: 审批制 (建议书 → 可研 → 初设).</summary>
    Government,
    /// <summary>社会投资: 核准 or 备案.</summary>
    Social,
}

public enum ProjectKind
{
    /// <summary>工业.</summary>
    Industrial,
    /// <summary>民用 (housing, commerce, public buildings).</summary>
    Civil,
    /// <summary>简易低风险 (≤3000 m², ≤24 m, one simple use).</summary>
    SimpleLowRisk,
    /// <summary>城市基础设施线性工程.</summary>
    Linear,
}

public enum LandSupply
{
    Unknown,
    /// <summary>出让.</summary>
    Transfer,
    /// <summary>划拨.</summary>
    Allocation,
    /// <summary>带方案出让: stages 2 and 3 merge.</summary>
    TransferWithScheme,
    /// <summary>Already owned construction land.</summary>
    Existing,
}

/// <summary>The 项目信息采集表's words for its choices, as the console shows them.</summary>
public static class ProjectChoiceNames
{
    public static string Name(this InvestmentType type) => type switch
    {
        InvestmentType.Government => "政府投资",
        InvestmentType.Social => "社会投资",
        _ => type.ToString(),
    };

    public static string Name(this ProjectKind kind) => kind switch
    {
        ProjectKind.Industrial => "工业",
        ProjectKind.Civil => "民用",
        ProjectKind.SimpleLowRisk => "简易低风险",
        ProjectKind.Linear => "线性工程",
        _ => kind.ToString(),
    };

    public static string Name(this LandSupply supply) => supply switch
    {
        LandSupply.Unknown => "未明确",
        LandSupply.Transfer => "出让",
        LandSupply.Allocation => "划拨",
        LandSupply.TransferWithScheme => "带方案出让",
        LandSupply.Existing => "既有用地",
        _ => supply.ToString(),
    };
}

/// <summary>The facts of the 项目信息采集表 (attachment 1): what the department learns when it first contacts the enterprise.</summary>
public sealed record ProjectFacts(
    string Name,
    string? ProjectCode,
    string Location,
    InvestmentType InvestmentType,
    ProjectKind Kind,
    decimal? TotalInvestmentWanYuan,
    decimal? LandAreaSquareMeters,
    decimal? FloorAreaSquareMeters,
    decimal? BuildingHeightMeters,
    string? ConstructionContent,
    DateOnly? PlannedStart,
    Stage? CurrentStage,
    LandSupply LandSupply,
    string? ApprovalsObtained,
    string? ContactName,
    string? ContactPhone,
    string? Notes);

public sealed class Project
{
    private Project() { }

    public Project(long enterpriseId, ProjectFacts facts, DateTimeOffset now)
    {
        EnterpriseId = enterpriseId;
        CreatedAt = now;
        Apply(facts);
    }

    public long Id { get; private set; }
    public long EnterpriseId { get; private set; }

    // A walk-in's project is stored in one save with its new enterprise: the enterprise's id flows into EnterpriseId.
    internal Enterprises.Enterprise? NewEnterprise { get; private set; }

    /// <summary>
    /// The applicant's project. A 采集表 left without 项目联系人 or 联系电话 gets the applicant's (a mini-program
    /// user's phone is the one WeChat verified), so the agent can make the first contact without asking for it.
    /// </summary>
    internal static Project For(Enterprises.EnterpriseContact applicant, ProjectFacts facts, DateTimeOffset now)
    {
        var filled = facts with
        {
            ContactName = string.IsNullOrWhiteSpace(facts.ContactName) ? applicant.Name : facts.ContactName,
            ContactPhone = string.IsNullOrWhiteSpace(facts.ContactPhone) ? applicant.Phone : facts.ContactPhone,
        };
        return new Project(applicant.EnterpriseId, filled, now)
        {
            NewEnterprise = applicant.EnterpriseId == 0 ? applicant.Enterprise : null,
        };
    }

    public string Name { get; private set; } = "";
    /// <summary>项目代码 from the investment-project online platform.</summary>
    public string? ProjectCode { get; private set; }
    public string Location { get; private set; } = "";
    public InvestmentType InvestmentType { get; private set; }
    public ProjectKind Kind { get; private set; }
    public decimal? TotalInvestmentWanYuan { get; private set; }
    public decimal? LandAreaSquareMeters { get; private set; }
    public decimal? FloorAreaSquareMeters { get; private set; }
    public decimal? BuildingHeightMeters { get; private set; }
    public string? ConstructionContent { get; private set; }
    public DateOnly? PlannedStart { get; private set; }
    public Stage? CurrentStage { get; private set; }
    public LandSupply LandSupply { get; private set; }
    public string? ApprovalsObtained { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public string? Notes { get; private set; }
    /// <summary>When and by whom the 项目信息采集表 was completed with the enterprise.</summary>
    public DateTimeOffset? CollectedAt { get; private set; }
    public string? CollectedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The item-applicability category: government projects follow one flowchart whatever their use.</summary>
    public ProjectCategories Category => InvestmentType == InvestmentType.Government
        ? ProjectCategories.Government
        : Kind switch
        {
            ProjectKind.Industrial => ProjectCategories.SocialIndustrial,
            ProjectKind.Civil => ProjectCategories.SocialCivil,
            ProjectKind.SimpleLowRisk => ProjectCategories.SimpleLowRisk,
            _ => ProjectCategories.Linear,
        };

    public ProjectFacts Facts => new(Name, ProjectCode, Location, InvestmentType, Kind, TotalInvestmentWanYuan,
        LandAreaSquareMeters, FloorAreaSquareMeters, BuildingHeightMeters, ConstructionContent, PlannedStart,
        CurrentStage, LandSupply, ApprovalsObtained, ContactName, ContactPhone, Notes);

    /// <summary>The department fills in or corrects the collection form with the enterprise.</summary>
    public void RecordCollection(ProjectFacts facts, Actor by, DateTimeOffset now)
    {
        Apply(facts);
        CollectedAt = now;
        CollectedBy = by.Name;
    }

    private void Apply(ProjectFacts f)
    {
        Name = Guard.Required(f.Name, "项目名称", 128);
        ProjectCode = Guard.Optional(f.ProjectCode, "项目代码", 64);
        Location = Guard.Required(f.Location, "建设地点", 256);
        InvestmentType = f.InvestmentType;
        Kind = f.Kind;
        TotalInvestmentWanYuan = Guard.NonNegative(f.TotalInvestmentWanYuan, "总投资");
        LandAreaSquareMeters = Guard.NonNegative(f.LandAreaSquareMeters, "用地面积");
        FloorAreaSquareMeters = Guard.NonNegative(f.FloorAreaSquareMeters, "建筑面积");
        BuildingHeightMeters = Guard.NonNegative(f.BuildingHeightMeters, "建筑高度");
        if (Kind == ProjectKind.SimpleLowRisk && (FloorAreaSquareMeters > 3000 || BuildingHeightMeters > 24))
            throw DomainRuleException.Invalid("project.not_low_risk",
                "简易低风险项目要求总建筑面积不超过3000平方米、建筑高度不超过24米，请核对项目类别。");
        ConstructionContent = Guard.Optional(f.ConstructionContent, "建设内容", 2000);
        PlannedStart = Guard.PlausibleDate(f.PlannedStart, "计划开工时间");
        CurrentStage = f.CurrentStage;
        LandSupply = f.LandSupply;
        ApprovalsObtained = Guard.Optional(f.ApprovalsObtained, "已办手续", 1000);
        ContactName = Guard.Optional(f.ContactName, "项目联系人", 32);
        ContactPhone = Guard.PhoneNumber(f.ContactPhone, "联系电话");
        Notes = Guard.Optional(f.Notes, "备注", 1000);
    }
}
