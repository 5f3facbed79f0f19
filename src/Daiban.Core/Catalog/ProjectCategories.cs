namespace Daiban.Core.Catalog;

/// <summary>Project categories an approval item applies to (Shandong's four flowcharts plus linear works).</summary>
[Flags]
public enum ProjectCategories
{
    None = 0,
    Government = 1,
    SocialCivil = 2,
    SocialIndustrial = 4,
    SimpleLowRisk = 8,
    Linear = 16,
    All = Government | SocialCivil | SocialIndustrial | SimpleLowRisk | Linear,
}
