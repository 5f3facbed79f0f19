using Daiban.Core.Common;

namespace Daiban.Core.Catalog;

/// <summary>
/// Turns what an enterprise asks for (whole stages and/or named items) into the list of approval items of the
/// case: whole stages take every active item that applies to the project's category, except members folded into
/// a joint procedure (联合验收), which are handled inside it.
/// </summary>
public static class ScopeResolver
{
    public static IReadOnlyList<ApprovalItem> Resolve(IEnumerable<ApprovalItem> catalog, ProjectCategories category,
        IEnumerable<Stage> stages, IEnumerable<string> itemCodes)
    {
        var items = catalog.Where(i => i.Active).ToList();
        var byCode = items.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, ApprovalItem>(StringComparer.Ordinal);
        foreach (var stage in stages.Distinct())
        {
            if (!Enum.IsDefined(stage))
                throw DomainRuleException.Invalid("scope.stage_invalid", "所选审批阶段不存在，请重新选择。");
            foreach (var item in items.Where(i => i.Stage == stage && i.AppliesTo(category) && i.MergedInto is null))
                result.TryAdd(item.Code, item);
        }
        // A JSON array may hold nulls or blanks: nothing was chosen there.
        var chosen = itemCodes.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var code in chosen)
        {
            if (!byCode.TryGetValue(code.Trim(), out var item))
                throw DomainRuleException.Invalid("scope.item_unknown", $"审批事项“{code}”不在事项目录中，请从目录中选择。");
            result.TryAdd(item.Code, item);
        }
        return result.Values.OrderBy(i => i.Stage).ThenBy(i => i.SortOrder).ToList();
    }
}
