using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
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
public sealed record SearchResult(IReadOnlyList<KnowledgeHit> Hits, int QueryTerms, int KnownTerms, int QueryWords = 0, int KnownWords = 0)
{
    /// <summary>Share of the question's informative bigrams that occur anywhere in the knowledge base.</summary>
    public double InScope => QueryTerms == 0 ? 0 : (double)KnownTerms / QueryTerms;

    /// <summary>Share of the question's words that occur anywhere in the knowledge base (1 when it has none).</summary>
    public double WordsKnown => QueryWords == 0 ? 1 : (double)KnownWords / QueryWords;

    public KnowledgeHit? Best => Hits.Count > 0 ? Hits[0] : null;
}

/// <summary>
/// The knowledge base in an in-memory Lucene index with two views of every passage: CJK overlapping bigrams, and
/// words (SmartCn's segmentation plus a user dictionary of our own terms and item names, which SmartCn does not
/// know). Each view ranks with BM25, the question side boosted over the answer side; the two rankings are combined
/// by reciprocal rank fusion, so neither needs a threshold of its own. Immutable once built (rebuilt whole when the
/// knowledge changes) and safe to share between threads. Every hit carries its coverage: the larger of the shares
/// of the question's known bigrams and known words the passage contains, which is what the bot's confidence is
/// judged on (BM25 scores are not comparable across questions).
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    // Below 1: a match on a passage's question side (FAQ questions, item names) counts a little less than one on
    // its answer. A higher boost rewards the FAQ's own wording, which people asking in their words do not share;
    // chosen by the whole bot cross-validated on the tuning part and the dev set (was 2.5).
    private const float TitleBoost = 0.75f;
    private const double RankWeight = 0.25;
    private const double UnknownWeight = 0.5;
    private const double FaqPrior = 0.1;
    /// <summary>The usual reciprocal-rank-fusion constant: a rank's weight is 1 / (k + rank).</summary>
    private const int FusionK = 60;

    /// <summary>Bigrams that only say "this is a question" (怎么, 什么, 需要 …): they decide nothing about the topic.</summary>
    private static readonly string[] Filler =
    [
        "什么", "怎么", "怎样", "如何", "哪些", "哪个", "哪里", "多少", "可以", "能否", "能不能", "是否", "需要", "要不要", "我们", "你们",
        "请问", "一下", "去哪儿", "去哪", "哪儿", "还是", "这个", "那个", "的话", "还要", "还能", "以后", "之后", "时候", "有没有", "是不是", "会不会", "一个", "咨询", "问一",
        "谢谢", "您好", "你好", "吗", "呢", "吧", "啊", "了", "的", "我", "你", "要", "能", "想", "是", "在", "有", "和", "与", "或",
        // Everyday words of asking and telling that carry no topic ("给了差评以后会怎么样" is about 差评 only).
        "怎么样", "干什么", "到底", "一共", "后面", "自己", "觉得", "各个", "当时", "出去", "下来", "清楚", "好几", "那天", "今年",
        "具体", "一般", "真的", "现在", "平时", "别人", "东西", "事情", "情况", "大概", "就是",
    ];

    private readonly Analyzer _analyzer = new CJKAnalyzer(Version);
    private readonly Analyzer _segmenter = new SmartChineseAnalyzer(Version);
    private readonly Analyzer _fields;
    private readonly string[] _dictionary;
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly List<KnowledgeDocument> _documents;
    private readonly List<HashSet<string>> _terms;
    private readonly List<HashSet<string>> _titleTerms;
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);
    private readonly HashSet<string> _filler;
    private readonly HashSet<string> _fillerWords = new(Filler, StringComparer.Ordinal);
    private readonly List<HashSet<string>> _words;
    private readonly HashSet<string> _wordVocabulary = new(StringComparer.Ordinal);

    /// <param name="documents">The passages.</param>
    /// <param name="dictionary">Our own words (policy terms, item names and aliases) that segmentation must keep whole.</param>
    public KnowledgeIndex(IEnumerable<KnowledgeDocument> documents, IEnumerable<string>? dictionary = null)
    {
        _documents = documents.ToList();
        _dictionary = (dictionary ?? []).Where(w => w.Length > 1).Distinct(StringComparer.Ordinal).ToArray();
        _filler = Filler.SelectMany(Bigrams).ToHashSet(StringComparer.Ordinal);
        _terms = new List<HashSet<string>>(_documents.Count);
        _titleTerms = new List<HashSet<string>>(_documents.Count);
        _words = new List<HashSet<string>>(_documents.Count);
        // The word fields are indexed already segmented (space-separated), so they need only a whitespace split.
        _fields = new PerFieldAnalyzerWrapper(_analyzer, new Dictionary<string, Analyzer>
        {
            ["title_w"] = new WhitespaceAnalyzer(Version),
            ["answer_w"] = new WhitespaceAnalyzer(Version),
        });
        var config = new IndexWriterConfig(Version, _fields) { Similarity = new BM25Similarity() };
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
                    new TextField("title_w", string.Join(' ', Words(d.Title)), Field.Store.NO),
                    new TextField("answer_w", string.Join(' ', Words(d.Answer)), Field.Store.NO),
                };
                writer.AddDocument(doc);
                var title = Tokens(d.Title).ToHashSet(StringComparer.Ordinal);
                _titleTerms.Add(title);
                var terms = title.Concat(Tokens(d.Answer)).ToHashSet(StringComparer.Ordinal);
                _terms.Add(terms);
                _vocabulary.UnionWith(terms);
                var words = Words(d.Title).Concat(Words(d.Answer)).ToHashSet(StringComparer.Ordinal);
                _words.Add(words);
                _wordVocabulary.UnionWith(words);
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
        var words = Words(text).Where(w => !_fillerWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        var knownWords = words.Where(_wordVocabulary.Contains).ToList();
        if (known.Count == 0 && knownWords.Count == 0)
            return new SearchResult([], query.Count, 0);

        var want = filter is null ? Math.Max(top, 8) : Math.Max(top * 8, 40);
        var bigramRanked = Rank(known, "title", "answer", want, filter);
        var wordRanked = Rank(knownWords, "title_w", "answer_w", want, filter);
        if (bigramRanked.Count == 0 && wordRanked.Count == 0)
            return new SearchResult([], query.Count, known.Count, words.Count, knownWords.Count);

        // Bigrams the knowledge base has never seen count half: most are strays across a word boundary
        // (府免, 费的), but a question about something we do not know at all must not look answered.
        var weight = known.Count + UnknownWeight * (query.Count - known.Count);
        var wordWeight = knownWords.Count + UnknownWeight * (words.Count - knownWords.Count);
        KnowledgeHit Hit(int n, float score) => new(_documents[n], score,
            Math.Max(weight == 0 ? 0 : known.Count(_terms[n].Contains) / weight,
                wordWeight == 0 ? 0 : knownWords.Count(_words[n].Contains) / wordWeight),
            weight == 0 ? 0 : known.Count(_titleTerms[n].Contains) / weight);

        // The bigram view orders its candidates as before: the passage containing most of the question first, and
        // of two that contain as much, the one whose question side (FAQ question, item name) says it.
        var bigramHits = bigramRanked.Select(r => Hit(r.N, r.Score)).ToList();
        var max = bigramHits.Count == 0 ? 1 : bigramHits.Max(h => h.Score);
        var bigramOrder = bigramHits
            .OrderByDescending(h => h.Coverage + RankWeight * (h.Score / max + h.TitleCoverage) + Prior(h.Document))
            .Select(h => h.Document.Id).ToList();
        var fused = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var ranking in new[] { bigramOrder, wordRanked.Select(r => _documents[r.N].Id).ToList() })
            for (var rank = 0; rank < ranking.Count; rank++)
                fused[ranking[rank]] = fused.GetValueOrDefault(ranking[rank]) + 1.0 / (FusionK + rank + 1);
        var byId = bigramRanked.Concat(wordRanked).GroupBy(r => _documents[r.N].Id).ToDictionary(g => g.Key, g => g.First());
        var hits = fused.OrderByDescending(f => f.Value).Take(top).Select(f => Hit(byId[f.Key].N, byId[f.Key].Score)).ToList();
        return new SearchResult(hits, query.Count, known.Count, words.Count, knownWords.Count);
    }

    /// <summary>One view's BM25 ranking: passage numbers, best first, that pass the filter.</summary>
    private List<(int N, float Score)> Rank(IReadOnlyList<string> terms, string titleField, string answerField, int want,
        Func<KnowledgeDocument, bool>? filter)
    {
        if (terms.Count == 0)
            return [];
        var boolean = new BooleanQuery();
        foreach (var term in terms)
        {
            boolean.Add(new TermQuery(new Term(titleField, term)) { Boost = TitleBoost }, Occur.SHOULD);
            boolean.Add(new TermQuery(new Term(answerField, term)), Occur.SHOULD);
        }
        var ranked = new List<(int N, float Score)>();
        foreach (var sd in _searcher.Search(boolean, want).ScoreDocs)
        {
            var n = _searcher.Doc(sd.Doc).GetField("n").GetInt32Value()!.Value;
            if (filter is null || filter(_documents[n]))
                ranked.Add((n, sd.Score));
        }
        return ranked;
    }

    /// <summary>
    /// The words of a text: SmartCn's segmentation (its single characters dropped — the bigram view has them) and
    /// every dictionary word the text contains, whole.
    /// </summary>
    public IReadOnlyList<string> Words(string text)
    {
        var list = new List<string>();
        using (var stream = _segmenter.GetTokenStream("w", text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var word = term.ToString();
                if (word.Length > 1)
                    list.Add(word);
            }
            stream.End();
        }
        foreach (var word in _dictionary)
            if (text.Contains(word, StringComparison.Ordinal))
                list.Add(word);
        return list;
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
        _fields.Dispose();
        _analyzer.Dispose();
        _segmenter.Dispose();
    }
}
