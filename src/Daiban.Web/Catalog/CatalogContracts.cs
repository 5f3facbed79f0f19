using Daiban.Core.Catalog;

namespace Daiban.Web.Catalog;

public sealed record ItemMaterialResponse(string Name, bool Core, bool Deferrable, string? Note);

public sealed record TimeLimitResponse(int? Value, TimeLimitUnit Unit, string Text);

public sealed record CatalogItemResponse(
    string Code,
    string Name,
    int Stage,
    string Department,
    string DepartmentCode,
    string ImplementingBody,
    int? PromisedDays,
    TimeLimitResponse StatutoryLimit,
    string? ExcludedTimeNote,
    string? LegalBasis,
    IReadOnlyList<string> Prerequisites,
    string? ResultDocument,
    string? ResultValidity,
    bool InformedCommitment,
    string? ParallelGroup,
    bool JointAcceptanceMember,
    bool JointDrawingReviewMember,
    string? MergedInto,
    IReadOnlyList<string> ApplicableCategories,
    string? Notes,
    IReadOnlyList<ItemMaterialResponse> Materials)
{
    public static CatalogItemResponse From(ApprovalItem i, IReadOnlyDictionary<string, Department> departments) => new(
        i.Code, i.Name, (int)i.Stage,
        departments.TryGetValue(i.DepartmentCode, out var d) ? d.Name : i.DepartmentCode, i.DepartmentCode,
        i.ImplementingBody, i.PromisedDays,
        new TimeLimitResponse(i.StatutoryLimit.Value, i.StatutoryLimit.Unit, i.StatutoryLimit.ToString()),
        i.ExcludedTimeNote, i.LegalBasis, i.Prerequisites, i.ResultDocument, i.ResultValidity, i.InformedCommitment,
        i.ParallelGroup, i.JointAcceptanceMember, i.JointDrawingReviewMember, i.MergedInto,
        Enum.GetValues<ProjectCategories>()
            .Where(c => c is not (ProjectCategories.None or ProjectCategories.All) && i.AppliesTo(c))
            .Select(c => c.ToString()).ToList(),
        i.Notes,
        i.Materials.Select(m => new ItemMaterialResponse(m.Name, m.IsCore, m.Deferrable, m.Note)).ToList());
}

public sealed record StageResponse(int Stage, string Key, string Name, IReadOnlyList<CatalogItemResponse> Items);

/// <summary>一次性告知: every item of the requested scope with every material, grouped by stage.</summary>
public sealed record NoticeResponse(string Category, int ItemCount, int MaterialCount,
    IReadOnlyList<StageResponse> Stages);

public sealed record DepartmentResponse(string Code, string Name);
