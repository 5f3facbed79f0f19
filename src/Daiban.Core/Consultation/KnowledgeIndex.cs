using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Daiban.Core.Consultation;

public sealed record KnowledgeHit(KnowledgeDocument Document, float Score, double Coverage, double TitleCoverage);

/// <summary>What a search found, and how much of the question the knowledge base knows at all.</summary>
public sealed record SearchResult(IReadOnlyList<KnowledgeHit> Hits, int QueryTerms, int KnownTerms)
{
    /// <summary>Share of the question's informative bigrams that occur anywhere in the knowledge base.</summary>
    public double InScope => QueryTerms == 0 ? 0 : (double)KnownTerms / QueryTerms;

    public KnowledgeHit? Best => Hits.Count > 0 ? Hits[0] : null;
}

/// <summary>
/// The knowledge base in an in-memory Lucene index: CJK overlapping bigrams, BM25, the question side boosted over
/// the answer side. Immutable once built (rebuilt whole when the knowledge changes) and safe to share between threads.
/// Besides the BM25 rank every hit carries its coverage: the share of the question's known bigrams the passage
/// contains, which is what the bot's confidence is judged on (BM25 scores are not comparable across questions).
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const float TitleBoost = 2.5f;
    private const double RankWeight = 0.25;
    private const double UnknownWeight = 0.5;
    private const double FaqPrior = 0.1;

    /// <summary>Bigrams that only say "this is a question" (怎么, 什么, 需要 …): they decide nothing about the topic.</summary>
    private static readonly string[] Filler =
    [
        "什么", "怎么", "怎样", "如何", "哪些", "哪个", "哪里", "多少", "可以", "能否", "能不能", "是否", "需要", "要不要", "我们", "你们",
        "请问", "一下", "去哪儿", "去哪", "哪儿", "还是", "这个", "那个", "的话", "还要", "还能", "以后", "之后", "时候", "有没有", "是不是", "会不会", "一个", "咨询", "问一",
        "谢谢", "您好", "你好", "吗", "呢", "吧", "啊", "了", "的", "我", "你", "要", "能", "想", "是", "在", "有", "和", "与", "或",
    ];

    private readonly Analyzer _analyzer = new CJKAnalyzer(Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly List<KnowledgeDocument> _documents;
    private readonly List<HashSet<string>> _terms;
    private readonly List<HashSet<string>> _titleTerms;
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);
    private readonly HashSet<string> _filler;

    public KnowledgeIndex(IEnumerable<KnowledgeDocument> documents)
    {
        _documents = documents.ToList();
        _filler = Filler.SelectMany(Bigrams).ToHashSet(StringComparer.Ordinal);
        _terms = new List<HashSet<string>>(_documents.Count);
        _titleTerms = new List<HashSet<string>>(_documents.Count);
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var n = 0; n < _documents.Count; n++)
            {
                var d = _documents[n];
                var doc = new Document
                {
                    new StoredField("n", n),
                    new TextField("title", d.Title, Field.Store.NO),
                    new TextField("answer", d.Answer, Field.Store.NO),
                };
                writer.AddDocument(doc);
                var title = Tokens(d.Title).ToHashSet(StringComparer.Ordinal);
                _titleTerms.Add(title);
                var terms = title.Concat(Tokens(d.Answer)).ToHashSet(StringComparer.Ordinal);
                _terms.Add(terms);
                _vocabulary.UnionWith(terms);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public int Count => _documents.Count;

    public IReadOnlyList<KnowledgeDocument> Documents => _documents;

    public SearchResult Search(string text, int top = 5, Func<KnowledgeDocument, bool>? filter = null)
    {
        var query = Tokens(BlankFiller(text)).Where(t => !_filler.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        var known = query.Where(_vocabulary.Contains).ToList();
        if (known.Count == 0)
            return new SearchResult([], query.Count, 0);

        var boolean = new BooleanQuery();
        foreach (var term in known)
        {
            boolean.Add(new TermQuery(new Term("title", term)) { Boost = TitleBoost }, Occur.SHOULD);
            boolean.Add(new TermQuery(new Term("answer", term)), Occur.SHOULD);
        }
        var docs = _searcher.Search(boolean, filter is null ? Math.Max(top, 8) : Math.Max(top * 8, 40)).ScoreDocs;
        var candidates = new List<KnowledgeHit>();
        foreach (var sd in docs)
        {
            var n = _searcher.Doc(sd.Doc).GetField("n").GetInt32Value()!.Value;
            var document = _documents[n];
            if (filter is not null && !filter(document))
                continue;
            // Bigrams the knowledge base has never seen count half: most are strays across a word boundary
            // (府免, 费的), but a question about something we do not know at all must not look answered.
            var weight = known.Count + UnknownWeight * (query.Count - known.Count);
            candidates.Add(new KnowledgeHit(document, sd.Score, known.Count(_terms[n].Contains) / weight,
                known.Count(_titleTerms[n].Contains) / weight));
        }
        if (candidates.Count == 0)
            return new SearchResult([], query.Count, known.Count);
        // BM25 finds the candidates; the passage that contains most of the question wins among them, and of two
        // that contain as much, the one whose question side (FAQ question, item name) says it.
        var max = candidates.Max(h => h.Score);
        var hits = candidates.OrderByDescending(h => h.Coverage + RankWeight * (h.Score / max + h.TitleCoverage) + Prior(h.Document)).Take(top).ToList();
        return new SearchResult(hits, query.Count, known.Count);
    }

    /// <summary>An FAQ answer was written for people asking; between passages that match as well, it is the better answer.</summary>
    private static double Prior(KnowledgeDocument d) => d.Kind == KnowledgeKinds.Faq ? FaqPrior : 0;

    /// <summary>Question words become gaps, so "证需要什么材料" yields 材料 and not the stray bigrams 证需, 要什, 么材.</summary>
    private static string BlankFiller(string text)
    {
        foreach (var word in Filler.Where(w => w.Length > 1))
            text = text.Replace(word, " ", StringComparison.Ordinal);
        return text;
    }

    private IEnumerable<string> Tokens(string text)
    {
        var list = new List<string>();
        using var stream = _analyzer.GetTokenStream("answer", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            list.Add(term.ToString());
        stream.End();
        return list;
    }

    /// <summary>A filler word as the analyzer sees it: its overlapping bigrams, or the character itself.</summary>
    private static IEnumerable<string> Bigrams(string word) =>
        word.Length == 1 ? [word] : Enumerable.Range(0, word.Length - 1).Select(i => word.Substring(i, 2));

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
