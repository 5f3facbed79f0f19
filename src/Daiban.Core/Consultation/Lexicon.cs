using System.Text.RegularExpressions;
using Daiban.Core.Seed;

namespace Daiban.Core.Consultation;

/// <summary>
/// The bot's domain vocabulary (Knowledge/lexicon.json): what people say mapped to the words the catalogue and the
/// policy use, and the short names of catalogue items.
/// </summary>
public sealed class Lexicon
{
    private readonly (string From, string To)[] _spellings;
    private readonly string[] _spellingWords;
    // Before Shipped: the shipped lexicon respells its own entries while it is built.
    private static readonly Regex TrailingBu =
        new(@"(?<=\p{IsCJKUnifiedIdeographs})不(?=[？?。！!，,\s]|$)", RegexOptions.Compiled);
    private readonly (string From, string To)[] _synonyms;
    private readonly (string Alias, string Code)[] _aliases;

    /// <param name="spellings">
    /// Typos and dialect words rewritten in place before anything else ("施工许克证" → "施工许可证", "啥" → "什么"):
    /// unlike a synonym they must not survive, or the item name and the cue words around them stay broken.
    /// </param>
    /// <param name="dialect">Rewritten in place like spellings ("啥" → "什么"); common words, not dictionary ones.</param>
    public Lexicon(IReadOnlyDictionary<string, string> synonyms, IReadOnlyDictionary<string, List<string>> itemAliases,
        IReadOnlyDictionary<string, string>? spellings = null, IReadOnlyDictionary<string, string>? dialect = null)
    {
        _spellingWords = (spellings ?? new Dictionary<string, string>()).Values.ToArray();
        _spellings = (spellings ?? new Dictionary<string, string>()).Concat(dialect ?? new Dictionary<string, string>())
            .Select(kv => (kv.Key, kv.Value)).OrderByDescending(s => s.Key.Length).ToArray();
        // Longest first, so "要多久" is rewritten before "多久" and "施工许可证" wins over "施工许可". Keys are
        // respelled as questions are, so "签啥" still matches a question once its "啥" reads "什么".
        _synonyms = synonyms.Select(kv => (From: Respell(kv.Key), To: kv.Value)).Where(s => s.From != s.To)
            .DistinctBy(s => s.From).OrderByDescending(s => s.From.Length).ToArray();
        _aliases = itemAliases.SelectMany(kv => kv.Value.Select(a => (Respell(a), kv.Key)))
            .OrderByDescending(a => a.Item1.Length).ToArray();
    }

    public static Lexicon Shipped { get; } = Load();

    /// <summary>
    /// The question followed by the knowledge base's word for every colloquial word in it ("施工证要多久" gains
    /// "施工许可证 时限"): expanded rather than replaced, so nothing the asker wrote is lost to the search.
    /// </summary>
    public string Expand(string question)
    {
        var text = Respell(question.Trim());
        var added = new List<string>();
        var rest = text;
        foreach (var (from, to) in _synonyms)
        {
            if (!rest.Contains(from, StringComparison.Ordinal))
                continue;
            // Blank the match so "多久" does not fire again inside "要多久".
            rest = rest.Replace(from, new string(' ', from.Length), StringComparison.Ordinal);
            if (!added.Contains(to) && !text.Contains(to, StringComparison.Ordinal))
                added.Add(to);
        }
        return added.Count == 0 ? text : text + " " + string.Join(' ', added);
    }

    /// <summary>The question with its typos and dialect words written the way the knowledge base writes them.</summary>
    public string Respell(string question)
    {
        var text = question;
        foreach (var (from, to) in _spellings)
            text = text.Replace(from, to, StringComparison.Ordinal);
        // "会改不", "上班不": a clause ending in 不 asks yes or no, as 吗 does.
        return TrailingBu.Replace(text, "吗");
    }

    /// <summary>The catalogue items a question names, longest mention first; an alias inside a longer one found counts once.</summary>
    public IReadOnlyList<string> FindItems(string text)
    {
        var found = new List<string>();
        // Which alias covers each character: an alias listed under several items ("环评") names all of them.
        var covered = new string?[text.Length];
        foreach (var (alias, code) in _aliases)
        {
            for (var at = text.IndexOf(alias, StringComparison.Ordinal); at >= 0; at = text.IndexOf(alias, at + 1, StringComparison.Ordinal))
            {
                if (covered[at] is { } by && by != alias)
                    continue;
                for (var i = at; i < at + alias.Length; i++)
                    covered[i] = alias;
                if (!found.Contains(code))
                    found.Add(code);
            }
        }
        return found;
    }

    /// <summary>Every word the lexicon knows, colloquial and canonical: segmentation keeps them whole.</summary>
    public IEnumerable<string> Words => _synonyms.SelectMany(s => s.To.Split(' ').Append(s.From))
        .Concat(_spellingWords).Concat(_aliases.Select(a => a.Alias)).Distinct();

    public IEnumerable<string> AliasesOf(string code) => _aliases.Where(a => a.Code == code).Select(a => a.Alias);

    private static Lexicon Load()
    {
        var file = ReferenceData.Load<LexiconFile>("lexicon.json");
        return new Lexicon(file.Synonyms, file.ItemAliases, file.Spellings, file.Dialect);
    }

    private sealed record LexiconFile(Dictionary<string, string> Synonyms, Dictionary<string, List<string>> ItemAliases,
        Dictionary<string, string>? Spellings, Dictionary<string, string>? Dialect);
}
