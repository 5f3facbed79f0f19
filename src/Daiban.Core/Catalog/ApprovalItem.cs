namespace Daiban.Core.Catalog;

/// <summary>
/// An approval item (审批事项) of the local list. Every number here is local data that has changed at least once
/// since 2018, so nothing about an item is hard-coded anywhere else.
/// </summary>
public sealed class ApprovalItem
{
    private readonly List<ItemMaterial> _materials = [];

    private ApprovalItem() { }

    public ApprovalItem(string code, string name, Stage stage, string departmentCode, string implementingBody)
    {
        Code = code;
        Name = name;
        Stage = stage;
        DepartmentCode = departmentCode;
        ImplementingBody = implementingBody;
    }

    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Stage Stage { get; private set; }
    public int SortOrder { get; set; }
    /// <summary>Generic responsible department (e.g. 住建).</summary>
    public string DepartmentCode { get; private set; } = "";
    /// <summary>The local body that actually issues the result (e.g. 乳山市行政审批服务局).</summary>
    public string ImplementingBody { get; private set; } = "";
    public string? LegalBasis { get; set; }
    public TimeLimit StatutoryLimit { get; set; } = TimeLimit.NotFixed;
    /// <summary>承诺办结时限 in working days (null: no promised limit); the due date of a case item is computed from it.</summary>
    public int? PromisedDays { get; set; }
    public string? ExcludedTimeNote { get; set; }
    public ProjectCategories ApplicableCategories { get; set; } = ProjectCategories.All;
    public List<string> Prerequisites { get; set; } = [];
    public string? ResultDocument { get; set; }
    public string? ResultValidity { get; set; }
    /// <summary>告知承诺制 available for this item.</summary>
    public bool InformedCommitment { get; set; }
    public string? ParallelGroup { get; set; }
    public bool JointAcceptanceMember { get; set; }
    public bool JointDrawingReviewMember { get; set; }
    public string? MergedInto { get; set; }
    public string? Notes { get; set; }
    public string? Source { get; set; }
    public DateOnly? LastVerified { get; set; }
    public bool Active { get; set; } = true;

    public IReadOnlyList<ItemMaterial> Materials => _materials;

    public bool AppliesTo(ProjectCategories category) => (ApplicableCategories & category) != 0;

    public void ReplaceMaterials(IEnumerable<ItemMaterial> materials)
    {
        _materials.Clear();
        _materials.AddRange(materials);
    }

    public void Describe(string name, Stage stage, string departmentCode, string implementingBody)
    {
        Name = name;
        Stage = stage;
        DepartmentCode = departmentCode;
        ImplementingBody = implementingBody;
    }
}
