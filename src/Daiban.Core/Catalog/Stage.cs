namespace Daiban.Core.Catalog;

/// <summary>The four nationally fixed approval stages, plus the items pushed forward in parallel (并行推进).</summary>
public enum Stage
{
    LandAndPlanning = 1,
    ConstructionPermitting = 2,
    ConstructionLicence = 3,
    CompletionAcceptance = 4,
    Parallel = 5,
}

public static class StageNames
{
    public static string Name(this Stage stage) => stage switch
    {
        Stage.LandAndPlanning => "立项用地规划许可",
        Stage.ConstructionPermitting => "工程建设许可",
        Stage.ConstructionLicence => "施工许可",
        Stage.CompletionAcceptance => "竣工验收",
        Stage.Parallel => "并行推进事项",
        _ => stage.ToString(),
    };

    /// <summary>A stage by its number as clients send it (1–4 the main line, 5 parallel items).</summary>
    public static Stage FromNumber(int number) =>
        Enum.IsDefined((Stage)number)
            ? (Stage)number
            : throw Common.DomainRuleException.Invalid("catalog.stage_invalid", $"审批阶段“{number}”不存在，应为1到5。");

    public static readonly IReadOnlyList<Stage> MainLine =
        [Stage.LandAndPlanning, Stage.ConstructionPermitting, Stage.ConstructionLicence, Stage.CompletionAcceptance];
}
