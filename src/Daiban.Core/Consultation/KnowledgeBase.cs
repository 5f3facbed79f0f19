using Daiban.Core.Common;
using System.Text;
using Daiban.Core.Calendar;
using Daiban.Core.Catalog;
using Daiban.Core.Seed;
using Daiban.Core.Supervision;

namespace Daiban.Core.Consultation;

/// <summary>
/// Everything the bot may say, built once into one index: the FAQ, the policy paragraph by paragraph, the item
/// catalogue (which also answers time-limit and material questions directly), the holiday table and the published
/// typical cases. Immutable; a change to any of them builds a new one.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    private readonly Dictionary<string, ApprovalItem> _items;
    private readonly Dictionary<string, string> _departments;

    public KnowledgeBase(
        IEnumerable<FaqEntry> faq,
        IEnumerable<ApprovalItem> items,
        IEnumerable<Department> departments,
        IEnumerable<TypicalCase> typicalCases,
        IEnumerable<CalendarDay> calendar,
        string policyText,
        Lexicon lexicon)
    {
        Lexicon = lexicon;
        var days = calendar.ToList();
        calendar = days;
        Calendar = new BusinessCalendar(days);
        _items = items.Where(i => i.Active).ToDictionary(i => i.Code, StringComparer.Ordinal);
        _departments = departments.ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
        var documents = new List<KnowledgeDocument>();
        documents.AddRange(faq.Where(f => f.Active).Select(f => new KnowledgeDocument(
            $"faq:{f.Key}", KnowledgeKinds.Faq, string.Join('\n', [f.Question, .. f.AlternateList]), f.Answer, f.Topic)));
        documents.AddRange(PolicyParagraphs(policyText));
        documents.AddRange(_items.Values.OrderBy(i => i.SortOrder).Select(i => new KnowledgeDocument(
            $"item:{i.Code}", KnowledgeKinds.Item, string.Join('\n', [i.Name, .. lexicon.AliasesOf(i.Code)]),
            CatalogueAnswers.Overview(i, DepartmentOf(i)), ItemCode: i.Code)));
        documents.AddRange(Holidays(calendar));
        documents.AddRange(typicalCases.Where(t => t.IsPublished).Select(t => new KnowledgeDocument(
            $"case:{t.Id}", KnowledgeKinds.TypicalCase, t.Title, Text.Excerpt(t.Summary + (t.Highlights is null ? "" : "经验做法：" + t.Highlights), 400))));
        var names = _items.Values.Select(i => i.Name).ToList();
        Index = new KnowledgeIndex(documents, lexicon.Words.Concat(names));
        var asked = faq.Where(f => f.Active).SelectMany(f => (IEnumerable<string>)[f.Question, .. f.AlternateList])
            .Concat(names).Concat(_items.Keys.SelectMany(lexicon.AliasesOf))
            .Concat(documents.Where(d => d.Kind is KnowledgeKinds.Holidays or KnowledgeKinds.TypicalCase).Select(d => d.Title))
            .Select(q => (q, IntentModel.InScope));
        OwnExamples = asked.ToList();
        ModelWords = lexicon.Words.Concat(names).ToList();
        // Trained on the examples spelled as questions are scored (Lexicon.Expand respells them first).
        Intents = new IntentModel(IntentModel.ShippedExamples().Concat(OwnExamples)
            .Select(e => (lexicon.Respell(e.Text), e.Label)), ModelWords);
    }

    public KnowledgeIndex Index { get; }

    /// <summary>The holiday table as working days: date questions are counted with it.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Hand-off, out of scope or in scope, trained on the labelled questions and this knowledge's own questions.</summary>
    public IntentModel Intents { get; }

    /// <summary>The in-scope questions this knowledge asks of itself (FAQ questions, item names, passage titles).</summary>
    public IReadOnlyList<(string Text, string Label)> OwnExamples { get; }

    /// <summary>The words the intent model gives a feature of their own.</summary>
    public IReadOnlyList<string> ModelWords { get; }
    public Lexicon Lexicon { get; }

    public ApprovalItem? Item(string code) => _items.GetValueOrDefault(code);

    /// <summary>The passages an answer came from, for the phrasing guard.</summary>
    public IReadOnlyList<string> Passages(IEnumerable<BotSource> sources)
    {
        var ids = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return Index.Documents.Where(d => ids.Contains(d.Id)).Select(d => d.Answer).ToList();
    }

    /// <summary>Every material named anywhere in the catalogue: an answer may name one only if its sources do.</summary>
    public IEnumerable<string> MaterialNames => _items.Values.SelectMany(i => i.Materials).Select(m => m.Name).Distinct();

    public string DepartmentOf(ApprovalItem item) => _departments.GetValueOrDefault(item.DepartmentCode) ?? item.DepartmentCode;

    /// <summary>The knowledge shipped with Daiban, without a database (tests, benchmarks, the dev-set scorer).</summary>
    public static KnowledgeBase Shipped() => new(
        ReferenceData.ShippedFaq(), ReferenceData.ShippedCatalog(), ReferenceData.ShippedDepartments(), [],
        ReferenceData.ShippedCalendarDays(), ShippedPolicy(), Lexicon.Shipped);

    public static string ShippedPolicy() => ReferenceData.LoadText("policy.txt");

    /// <summary>The policy cut into paragraphs, each under its chapter heading (一、概念定义 …).</summary>
    private static IEnumerable<KnowledgeDocument> PolicyParagraphs(string text)
    {
        var chapter = "";
        var n = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            if (line.Length <= 16 && line.Length > 2 && "一二三四五六七八九十".Contains(line[0]) && line.Contains('、'))
            {
                chapter = line;
                continue;
            }
            if (line.Length < 20)
                continue;
            n++;
            yield return new KnowledgeDocument($"policy:{n}", KnowledgeKinds.Policy, chapter.Length == 0 ? "总则" : chapter, line);
        }
    }

    /// <summary>One passage per year: each holiday's days off and its make-up working days.</summary>
    private static IEnumerable<KnowledgeDocument> Holidays(IEnumerable<CalendarDay> calendar)
    {
        foreach (var year in calendar.GroupBy(d => d.Date.Year).OrderBy(g => g.Key))
        {
            var text = new StringBuilder($"{year.Key}年放假安排（工作日不含周末和法定节假日，调休上班日算工作日）：");
            var holidays = year.Where(d => d.Kind == CalendarDayKind.Holiday).GroupBy(d => d.Name)
                .Select(g => (Name: g.Key, Off: g.Select(d => d.Date).Order().ToList())).OrderBy(h => h.Off[0]).ToList();
            if (holidays.Count == 0)
                continue;
            // A make-up working day belongs to the holiday nearest to it (the notices name them after it anyway).
            var makeUp = year.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date)
                .ToLookup(d => holidays.MinBy(h => Math.Min(Math.Abs(h.Off[0].DayNumber - d.DayNumber), Math.Abs(h.Off[^1].DayNumber - d.DayNumber))).Name);
            foreach (var (name, off) in holidays)
            {
                text.Append($"{name}{Day(off[0])}{(off.Count > 1 ? $"至{Day(off[^1])}" : "")}放假");
                if (makeUp[name].Any())
                    text.Append($"，{string.Join("、", makeUp[name].Order().Select(d => $"{Day(d)}（{Weekday(d)}）"))}上班");
                text.Append("；");
            }
            text.Length--;
            yield return new KnowledgeDocument($"holidays:{year.Key}", KnowledgeKinds.Holidays,
                $"{year.Key}年节假日放假安排 春节 调休 工作日怎么算", text.Append('。').ToString());
        }
    }

    private static string Day(DateOnly d) => $"{d.Month}月{d.Day}日";

    private static string Weekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => "星期六",
        DayOfWeek.Sunday => "星期日",
        _ => "工作日",
    };

    public void Dispose() => Index.Dispose();
}
