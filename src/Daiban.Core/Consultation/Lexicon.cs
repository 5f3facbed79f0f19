using Daiban.Core.Seed;

namespace Daiban.Core.Consultation;

/// <summary>
/// The bot's domain vocabulary (Knowledge/lexicon.json): what people say mapped to the words the catalogue and the
/// policy use, and the short names of catalogue items.
/// </summary>
public sealed class Lexicon
{
    private readonly (string From, string To)[] _synonyms;
    private readonly (string Alias, string Code)[] _aliases;

    public Lexicon(IReadOnlyDictionary<string, string> synonyms, IReadOnlyDictionary<string, List<string>> itemAliases)
    {
        // Longest first, so "要多久" is rewritten before "多久" and "施工许可证" wins over "施工许可".
        _synonyms = synonyms.Select(kv => (kv.Key, kv.Value)).OrderByDescending(s => s.Key.Length).ToArray();
        _aliases = itemAliases.SelectMany(kv => kv.Value.Select(a => (a, kv.Key))).OrderByDescending(a => a.a.Length).ToArray();
    }

    public static Lexicon Shipped { get; } = Load();

    /// <summary>
    /// The question followed by the knowledge base's word for every colloquial word in it ("施工证要多久" gains
    /// "施工许可证 时限"): expanded rather than replaced, so nothing the asker wrote is lost to the search.
    /// </summary>
    public string Expand(string question)
    {
        var text = question.Trim();
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

    /// <summary>The catalogue items a question names, longest mention first; an alias inside a longer one found counts once.</summary>
    public IReadOnlyList<string> FindItems(string text)
    {
        var found = new List<string>();
        var covered = new bool[text.Length];
        foreach (var (alias, code) in _aliases)
        {
            for (var at = text.IndexOf(alias, StringComparison.Ordinal); at >= 0; at = text.IndexOf(alias, at + 1, StringComparison.Ordinal))
            {
                if (covered[at])
                    continue;
                for (var i = at; i < at + alias.Length; i++)
                    covered[i] = true;
                if (!found.Contains(code))
                    found.Add(code);
            }
        }
        return found;
    }

    /// <summary>Every word the lexicon knows, colloquial and canonical: segmentation keeps them whole.</summary>
    public IEnumerable<string> Words => _synonyms.SelectMany(s => s.To.Split(' ').Append(s.From)).Concat(_aliases.Select(a => a.Alias)).Distinct();

    public IEnumerable<string> AliasesOf(string code) => _aliases.Where(a => a.Code == code).Select(a => a.Alias);

    private static Lexicon Load()
    {
        var file = ReferenceData.Load<LexiconFile>("lexicon.json");
        return new Lexicon(file.Synonyms, file.ItemAliases);
    }

    private sealed record LexiconFile(Dictionary<string, string> Synonyms, Dictionary<string, List<string>> ItemAliases);
}
