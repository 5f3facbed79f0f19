using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Catalog;

/// <summary>The public approval-item catalogue: anonymous, read-only.</summary>
public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/catalog").WithTags("Catalog");
        g.MapGet("/stages", GetStagesAsync).WithName("GetCatalogStages")
            .WithSummary("四个审批阶段及并行推进事项的事项目录");
        g.MapGet("/items/{code}", GetItemAsync).WithName("GetCatalogItem").WithSummary("单个审批事项的时限、材料与说明");
        g.MapGet("/notice", GetNoticeAsync).WithName("GetCatalogNotice")
            .WithSummary("一次性告知：按项目类别和所选阶段、事项列出全部事项及材料");
        g.MapGet("/departments", GetDepartmentsAsync).WithName("GetDepartments")
            .WithSummary("审批部门及单位的编码与名称");
        return g;
    }

    internal static async Task<Ok<List<StageResponse>>> GetStagesAsync([AsParameters] RequestContext x)
    {
        var (items, departments) = await LoadAsync(x.Db, x.Cancellation);
        return TypedResults.Ok(Group(items, departments));
    }

    internal static async Task<Results<Ok<CatalogItemResponse>, ProblemHttpResult>> GetItemAsync(string code,
        [AsParameters] RequestContext x)
    {
        var (items, departments) = await LoadAsync(x.Db, x.Cancellation);
        var item = items.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));
        return item is null
            ? TypedResults.Problem(title: "未找到该审批事项", detail: $"事项编码“{code}”不在事项目录中。",
                statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(CatalogItemResponse.From(item, departments));
    }

    /// <summary>The departments, for pickers: staff choose a department by its name, not by typing a code.</summary>
    internal static async Task<Ok<List<DepartmentResponse>>> GetDepartmentsAsync([AsParameters] RequestContext x) =>
        TypedResults.Ok(await x.Db.Departments.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new DepartmentResponse(d.Code, d.Name)).ToListAsync(x.Cancellation));

    /// <param name="category">Government, SocialCivil, SocialIndustrial, SimpleLowRisk or Linear.</param>
    /// <param name="stages">Comma-separated stage numbers (1–5).</param>
    /// <param name="items">Comma-separated item codes.</param>
    internal static async Task<Ok<NoticeResponse>> GetNoticeAsync(string category, string? stages, string? items,
        [AsParameters] RequestContext x)
    {
        if (!Enum.TryParse<ProjectCategories>(category, ignoreCase: true, out var cat)
            || cat is ProjectCategories.None or ProjectCategories.All || !Enum.IsDefined(cat))
            throw DomainRuleException.Invalid("catalog.category_invalid",
                "项目类别不正确，应为政府投资、社会投资民用、社会投资工业、简易低风险或线性工程之一。");
        var stageList = Split(stages).Select(s => int.TryParse(s, out var n)
            ? StageNames.FromNumber(n)
            : throw DomainRuleException.Invalid("catalog.stage_invalid", $"审批阶段“{s}”不存在，应为1到5。")).ToList();
        var codes = Split(items).ToList();
        if (stageList.Count == 0 && codes.Count == 0)
            throw DomainRuleException.Invalid("catalog.scope_empty", "请至少选择一个审批阶段或事项。");
        var (catalog, departments) = await LoadAsync(x.Db, x.Cancellation);
        var scope = ScopeResolver.Resolve(catalog, cat, stageList, codes);
        var grouped = Group(scope, departments);
        return TypedResults.Ok(new NoticeResponse(cat.ToString(), scope.Count, scope.Sum(i => i.Materials.Count),
            grouped));
    }

    private static IEnumerable<string> Split(string? csv) =>
        (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<StageResponse> Group(IEnumerable<ApprovalItem> items,
        IReadOnlyDictionary<string, Department> departments) =>
        items.GroupBy(i => i.Stage)
            .OrderBy(g => g.Key)
            .Select(g => new StageResponse((int)g.Key, g.Key.ToString(), g.Key.Name(),
                g.OrderBy(i => i.SortOrder).Select(i => CatalogItemResponse.From(i, departments)).ToList()))
            .ToList();

    private static async Task<(List<ApprovalItem> Items, Dictionary<string, Department> Departments)> LoadAsync(
        DaibanDbContext db, CancellationToken ct)
    {
        var items = await db.ApprovalItems.AsNoTracking().Include(i => i.Materials).Where(i => i.Active)
            .ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        return (items, departments);
    }
}
