using Daiban.Core.Seed;

namespace Daiban.Core.Consultation;

/// <summary>What the intent model makes of a question: the probability of each of its three classes.</summary>
public sealed record IntentScores(double Handoff, double OutOfScope, double InScope);

/// <summary>
/// Decides whether a question asks for a person, is outside the service, or is in scope — separately from whether
/// the knowledge base can answer it well. A multinomial logistic regression over the presence of character unigrams
/// and bigrams and the lexicon's words, trained at start on labelled questions (Knowledge/intents.json: the dev set
/// and the tuning part of the paraphrase set) plus the FAQ's questions and alternates and the catalogue's item names.
/// Each class weighs as much as the others in training: the in-scope examples far outnumber the rest. Unlike naive
/// Bayes, a feature common to every class (你, 吗, 了) gets no weight, so small talk is not taken for a hand-off just
/// because hand-off examples are short.
/// </summary>
public sealed class IntentModel
{
    public const string Handoff = "handoff";
    public const string OutOfScope = "out_of_scope";
    public const string InScope = "in_scope";

    private static readonly string[] Classes = [Handoff, OutOfScope, InScope];
    // Full-batch gradient descent: deterministic, and ~1,000 short questions train in well under a second.
    private const int Iterations = 600;
    private const double LearningRate = 2.0;
    private const double L2 = 1e-4;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<double[]> _weights = [];
    private readonly double[] _bias = new double[Classes.Length];
    private readonly IReadOnlyList<string> _words;

    /// <param name="examples">Labelled questions, each with one of <see cref="Classes"/>.</param>
    /// <param name="words">Multi-character words worth a feature of their own (lexicon terms, item names).</param>
    public IntentModel(IEnumerable<(string Text, string Label)> examples, IEnumerable<string> words)
    {
        _words = words.Where(w => w.Length > 1).Distinct(StringComparer.Ordinal).ToList();
        var data = new List<(int[] Features, int Label)>();
        foreach (var (text, label) in examples)
        {
            var c = Array.IndexOf(Classes, label);
            if (c < 0)
                throw new ArgumentException($"unknown intent label {label}", nameof(examples));
            var features = Features(text).Distinct(StringComparer.Ordinal).Select(f =>
            {
                if (!_index.TryGetValue(f, out var i))
                {
                    _index[f] = i = _weights.Count;
                    _weights.Add(new double[Classes.Length]);
                }
                return i;
            }).ToArray();
            data.Add((features, c));
        }
        Train(data);
    }

    private void Train(List<(int[] Features, int Label)> data)
    {
        if (data.Count == 0)
            return;
        var perClass = new double[Classes.Length];
        foreach (var (_, label) in data)
            perClass[label]++;
        var weightOf = perClass.Select(n => n == 0 ? 0 : data.Count / (Classes.Length * n)).ToArray();
        var gradient = _weights.Select(_ => new double[Classes.Length]).ToArray();
        var biasGradient = new double[Classes.Length];
        var p = new double[Classes.Length];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            foreach (var g in gradient)
                Array.Clear(g);
            Array.Clear(biasGradient);
            foreach (var (features, label) in data)
            {
                Probabilities(features, p);
                for (var c = 0; c < Classes.Length; c++)
                {
                    var error = weightOf[label] * (p[c] - (c == label ? 1 : 0)) / data.Count;
                    biasGradient[c] += error;
                    foreach (var f in features)
                        gradient[f][c] += error;
                }
            }
            for (var f = 0; f < gradient.Length; f++)
                for (var c = 0; c < Classes.Length; c++)
                    _weights[f][c] -= LearningRate * (gradient[f][c] + L2 * _weights[f][c]);
            for (var c = 0; c < Classes.Length; c++)
                _bias[c] -= LearningRate * biasGradient[c];
        }
    }

    private void Probabilities(IEnumerable<int> features, double[] p)
    {
        for (var c = 0; c < Classes.Length; c++)
            p[c] = _bias[c];
        foreach (var f in features)
            for (var c = 0; c < Classes.Length; c++)
                p[c] += _weights[f][c];
        var max = p.Max();
        var sum = 0.0;
        for (var c = 0; c < Classes.Length; c++)
            sum += p[c] = Math.Exp(p[c] - max);
        for (var c = 0; c < Classes.Length; c++)
            p[c] /= sum;
    }

    public IntentScores Score(string text)
    {
        // A feature never seen in training has no weight: it says nothing about the class.
        var known = Features(text).Distinct(StringComparer.Ordinal)
            .Select(f => _index.TryGetValue(f, out var i) ? i : -1).Where(i => i >= 0);
        var p = new double[Classes.Length];
        Probabilities(known, p);
        return new IntentScores(p[0], p[1], p[2]);
    }

    /// <summary>Characters (not punctuation) and their bigrams, plus every known word the text contains.</summary>
    private IEnumerable<string> Features(string text)
    {
        var chars = text.ToLowerInvariant()
            .Where(ch => !char.IsPunctuation(ch) && !char.IsWhiteSpace(ch) && !char.IsSymbol(ch)).ToArray();
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
