using System.Text.Json;
using Daiban.Core.Consultation;

namespace Daiban.Testing.Consultation;

/// <summary>One question of tests/devsets/paraphrases.json; <see cref="Context"/> holds the earlier turns of a follow-up.</summary>
public sealed record ParaphraseCase(string Q, string Kind, List<string>? Facts, string Topic, string Style, string Split,
    List<string>? Context)
{
    public const string Tuning = "tuning";
    public const string Validation = "validation";

    /// <summary>Graded exactly as the dev set is: an answer with every fact, a hand-off, or out of scope without sources.</summary>
    public string? Judge(BotAnswer answer) => new DevCase(Q, Kind, Facts, Topic).Judge(answer);
}

public sealed record ParaphraseScore(string Split, DevSetScore Score, IReadOnlyDictionary<string, (int Total, int Correct)> ByTopic)
{
    public string Summary() =>
        $"{Split}: {Score.Correct}/{Score.Total} = {Score.Accuracy:P1}; " +
        string.Join("; ", Score.ByKind.Select(k => $"{k.Key} {k.Value.Correct}/{k.Value.Total}"));

    public string Topics() => string.Join("; ", ByTopic.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value.Correct}/{t.Value.Total}"));
}

/// <summary>
/// The independent paraphrase set and its scorer. Each case is a new conversation: a follow-up's context turns are
/// asked first in it, so what the conversation remembers (the last item named) reaches the question.
/// </summary>
public static class ParaphraseSet
{
    public static IReadOnlyList<ParaphraseCase> Load()
    {
        using var stream = typeof(ParaphraseSet).Assembly.GetManifestResourceStream("devsets.paraphrases.json")!;
        var file = JsonSerializer.Deserialize<ParaphraseFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        return file.Cases;
    }

    /// <param name="split">tuning or validation.</param>
    /// <param name="ask">Answers a question given what the conversation remembers so far, and the new memory.</param>
    public static ParaphraseScore Score(string split, Func<string, ConversationMemory, BotAnswer> ask)
    {
        var failures = new List<string>();
        var byKind = new Dictionary<DevCaseKind, (int Total, int Correct)>();
        var byTopic = new Dictionary<string, (int Total, int Correct)>();
        var correct = 0;
        var cases = Load().Where(c => c.Split == split).ToList();
        foreach (var c in cases)
        {
            var memory = ConversationMemory.Empty;
            foreach (var turn in c.Context ?? [])
                memory = memory.After(ask(turn, memory));
            var problem = c.Judge(ask(c.Q, memory));
            var expected = new DevCase(c.Q, c.Kind, c.Facts, c.Topic).Expected;
            var k = byKind.GetValueOrDefault(expected);
            byKind[expected] = (k.Total + 1, k.Correct + (problem is null ? 1 : 0));
            var t = byTopic.GetValueOrDefault(c.Topic);
            byTopic[c.Topic] = (t.Total + 1, t.Correct + (problem is null ? 1 : 0));
            if (problem is null)
                correct++;
            else
                failures.Add($"[{c.Topic}] {(c.Context is { Count: > 0 } ctx ? string.Join(" / ", ctx) + " / " : "")}{c.Q} → {problem}");
        }
        var score = new DevSetScore(cases.Count, correct, byKind, byTopic, failures);
        return new ParaphraseScore(split, score, byTopic);
    }

    private sealed record ParaphraseFile(List<ParaphraseCase> Cases);
}
