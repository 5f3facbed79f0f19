using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Consultation;

/// <summary>
/// Adding a question to the bot's FAQ: the entry's own checks (<see cref="FaqEntry"/>), plus the rules across
/// entries — a key is unique and safe in an address, and a question already asked (as a question or as another way
/// of asking one) is refused, so the bot never holds two answers to the same question.
/// </summary>
public static class FaqBook
{
    /// <summary>The new entry, added to <paramref name="db"/> (not saved). A blank key is made up.</summary>
    public static async Task<FaqEntry> AddAsync(DaibanDbContext db, string? key, string? topic, string? question,
        IEnumerable<string> alternates, string? answer, string? source, Actor by, DateTimeOffset now,
        CancellationToken ct)
    {
        var wanted = string.IsNullOrWhiteSpace(key) ? $"faq-{Guid.NewGuid():N}"[..12] : key.Trim();
        if (!wanted.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            throw DomainRuleException.InvalidField("faq.key_invalid", "条目编号",
                "条目编号只能使用小写英文字母、数字、“-”和“_”，也可以不填，由系统生成。");
        var entry = new FaqEntry(wanted, topic ?? "", question ?? "", alternates, answer ?? "", source, by, now);
        var existing = await db.FaqEntries.AsNoTracking().ToListAsync(ct);
        if (existing.Any(f => f.Key == entry.Key))
            throw new DomainRuleException("faq.key_taken", "条目编号已存在，请换一个或不填（由系统生成）。");
        EnsureNotAskedElsewhere(entry, existing);
        db.FaqEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// An edit of <paramref name="entry"/> (tracked by <paramref name="db"/>; not saved). Its new question or ways
    /// of asking must not be another entry's: a copy would take the bot's answer over from the entry it copies.
    /// </summary>
    public static async Task EditAsync(DaibanDbContext db, FaqEntry entry, string topic, string question,
        IEnumerable<string> alternates, string answer, string? source, bool active, Actor by, DateTimeOffset now,
        CancellationToken ct)
    {
        entry.Edit(topic, question, alternates, answer, source, active, by, now);
        var others = await db.FaqEntries.AsNoTracking().Where(f => f.Key != entry.Key).ToListAsync(ct);
        EnsureNotAskedElsewhere(entry, others);
    }

    private static void EnsureNotAskedElsewhere(FaqEntry entry, IEnumerable<FaqEntry> others)
    {
        var asked = new[] { entry.Question }.Concat(entry.AlternateList).Select(Plain).ToHashSet();
        var same = others.FirstOrDefault(f =>
            new[] { f.Question }.Concat(f.AlternateList).Any(q => asked.Contains(Plain(q))));
        if (same is not null)
            throw new DomainRuleException("faq.question_taken", same.Active
                ? $"已有相同的常见问题“{same.Question}”，请直接修改该条的答案。"
                : $"已有相同的常见问题“{same.Question}”（已停用），请启用并修改该条。")
            { Field = "问题" };
    }

    /// <summary>A question as compared: without spaces, punctuation or letter case.</summary>
    private static string Plain(string question) =>
        new(question.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
