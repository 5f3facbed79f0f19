using Daiban.Core.Catalog;

namespace Daiban.Core.Cases;

public sealed record ChecklistLine(string Material, bool IsCore, bool Deferrable, bool Received, MaterialReview? Review, long? MaterialId);

public sealed record ItemChecklist(string ItemCode, string ItemName, IReadOnlyList<ChecklistLine> Lines)
{
    /// <summary>Core materials not received, or received and failed 形式审查: what must be asked for at once.</summary>
    public IReadOnlyList<string> MissingCore => Lines.Where(l => l.IsCore && (!l.Received || l.Review == MaterialReview.NeedsCorrection)).Select(l => l.Material).ToList();
}

/// <summary>
/// The 形式审查 checklist of a case: for each of its items, every material the catalogue lists, whether one was
/// received for that item (by the catalogue name, as the agent registers it from this list) and how it was reviewed.
/// </summary>
public static class MaterialChecklist
{
    public static IReadOnlyList<ItemChecklist> For(Case c, IReadOnlyDictionary<string, ApprovalItem> catalog) =>
        c.Items.OrderBy(i => i.SortOrder).Select(item =>
        {
            var required = catalog.TryGetValue(item.ItemCode, out var entry) ? entry.Materials : [];
            var received = c.Materials.Where(m => m.ItemCode == item.ItemCode || m.ItemCode is null).ToList();
            return new ItemChecklist(item.ItemCode, item.ItemName, required.Select(r =>
            {
                var match = received.Where(m => Matches(m.Name, r.Name)).OrderByDescending(m => m.Review == MaterialReview.Passed).ThenByDescending(m => m.Id).FirstOrDefault();
                return new ChecklistLine(r.Name, r.IsCore, r.Deferrable, match is not null, match?.Review, match?.Id);
            }).ToList());
        }).ToList();

    /// <summary>A received material answers a required one when either name holds the other.</summary>
    public static bool Matches(string received, string required) =>
        received.Contains(required, StringComparison.Ordinal) || required.Contains(received, StringComparison.Ordinal);
}
