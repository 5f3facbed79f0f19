using Daiban.Core.Common;

namespace Daiban.Core.Consultation;

/// <summary>
/// One question the bot answers in our own words. Shipped entries are seeded once by <see cref="Key"/>; admins edit
/// them (or add new ones) afterwards and the knowledge index is rebuilt. Retired entries are deactivated, never
/// deleted, so a re-seed cannot bring them back.
/// </summary>
public sealed class FaqEntry
{
    private FaqEntry() { }

    public FaqEntry(string key, string topic, string question, IEnumerable<string> alternates, string answer, string? source, Actor by, DateTimeOffset now)
    {
        Key = Guard.Required(key, "条目编号", 64);
        Edit(topic, question, alternates, answer, source, true, by, now);
    }

    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Topic { get; private set; } = "";
    public string Question { get; private set; } = "";
    /// <summary>Other ways people ask the same thing, one per line.</summary>
    public string Alternates { get; private set; } = "";
    public string Answer { get; private set; } = "";
    public string? Source { get; private set; }
    public bool Active { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<string> AlternateList => Alternates.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Edit(string topic, string question, IEnumerable<string> alternates, string answer, string? source, bool active, Actor by, DateTimeOffset now)
    {
        Topic = Guard.Required(topic, "分类", 32);
        Question = Guard.Required(question, "问题", 200);
        // A JSON list may hold nulls: a blank way of asking is no way of asking.
        var lines = alternates.Select(a => a?.Trim() ?? "").Where(a => a.Length > 0).Distinct().ToList();
        if (lines.Any(a => a.Length > 200) || lines.Count > 30)
            throw DomainRuleException.Invalid("faq.alternates", "相似问法最多30条，每条不超过200字。");
        Alternates = string.Join('\n', lines);
        Answer = Guard.Required(answer, "答案", 2000);
        Source = Guard.Optional(source, "出处", 200);
        Active = active;
        UpdatedBy = by.Name;
        UpdatedAt = now;
        Version++;
    }
}
