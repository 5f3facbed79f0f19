using Daiban.Core.Seed;

namespace Daiban.Core.Consultation;

/// <summary>What the intent model makes of a question: the probability of each of its three classes.</summary>
public sealed record IntentScores(double Handoff, double OutOfScope, double InScope);

/// <summary>
/// Decides whether a question asks for a person, is outside the service, or is in scope — separately from whether
/// the knowledge base can answer it well. A multinomial naive Bayes over character unigrams and bigrams and the
/// lexicon's words, trained at start on labelled questions (Knowledge/intents.json: the dev set and the tuning part
/// of the paraphrase set) plus the FAQ's questions and alternates and the catalogue's item names. Classes get equal
/// priors: the in-scope examples far outnumber the others, and a prior would only restate that.
/// </summary>
public sealed class IntentModel
{
    public const string Handoff = "handoff";
    public const string OutOfScope = "out_of_scope";
    public const string InScope = "in_scope";

    private static readonly string[] Classes = [Handoff, OutOfScope, InScope];
    private const double Smoothing = 0.5;

    private readonly Dictionary<string, double[]> _counts = new(StringComparer.Ordinal);
    private readonly double[] _totals = new double[Classes.Length];
    private readonly IReadOnlyList<string> _words;

    /// <param name="examples">Labelled questions, each with one of <see cref="Classes"/>.</param>
    /// <param name="words">Multi-character words worth a feature of their own (lexicon terms, item names).</param>
    public IntentModel(IEnumerable<(string Text, string Label)> examples, IEnumerable<string> words)
    {
        _words = words.Where(w => w.Length > 1).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (text, label) in examples)
        {
            var c = Array.IndexOf(Classes, label);
            if (c < 0)
                throw new ArgumentException($"unknown intent label {label}", nameof(examples));
            foreach (var f in Features(text))
            {
                if (!_counts.TryGetValue(f, out var row))
                    _counts[f] = row = new double[Classes.Length];
                row[c]++;
                _totals[c]++;
            }
        }
    }

    public IntentScores Score(string text)
    {
        var log = new double[Classes.Length];
        var vocabulary = _counts.Count + 1;
        foreach (var f in Features(text))
        {
            // A feature never seen in training says nothing about the class; skipping it keeps short questions stable.
            if (!_counts.TryGetValue(f, out var row))
                continue;
            for (var c = 0; c < Classes.Length; c++)
                log[c] += Math.Log((row[c] + Smoothing) / (_totals[c] + Smoothing * vocabulary));
        }
        var max = log.Max();
        var p = log.Select(l => Math.Exp(l - max)).ToArray();
        var sum = p.Sum();
        return new IntentScores(p[0] / sum, p[1] / sum, p[2] / sum);
    }

    /// <summary>Characters (not punctuation) and their bigrams, plus every known word the text contains.</summary>
    private IEnumerable<string> Features(string text)
    {
        var chars = text.ToLowerInvariant().Where(ch => !char.IsPunctuation(ch) && !char.IsWhiteSpace(ch) && !char.IsSymbol(ch)).ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            yield return chars[i].ToString();
            if (i + 1 < chars.Length)
                yield return string.Concat(chars[i], chars[i + 1]);
        }
        foreach (var w in _words)
            if (text.Contains(w, StringComparison.Ordinal))
                yield return "w:" + w;
    }

    /// <summary>The shipped labelled questions (Knowledge/intents.json) as training examples.</summary>
    public static IEnumerable<(string Text, string Label)> ShippedExamples()
    {
        var file = ReferenceData.Load<IntentsFile>("intents.json");
        return file.Handoff.Select(q => (q, Handoff))
            .Concat(file.OutOfScope.Select(q => (q, OutOfScope)))
            .Concat(file.InScope.Select(q => (q, InScope)));
    }

    private sealed record IntentsFile(List<string> Handoff, List<string> OutOfScope, List<string> InScope);
}
