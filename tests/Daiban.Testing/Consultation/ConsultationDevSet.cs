using System.Text.Json;
using Daiban.Core.Consultation;

namespace Daiban.Testing.Consultation;

public enum DevCaseKind
{
    Answer,
    Handoff,
    OutOfScope,
}

public sealed record DevCase(string Q, string Kind, List<string>? Facts, string? Group)
{
    public DevCaseKind Expected => Kind switch
    {
        "handoff" => DevCaseKind.Handoff,
        "out_of_scope" => DevCaseKind.OutOfScope,
        _ => DevCaseKind.Answer,
    };

    /// <summary>Null when the answer is right; otherwise what is wrong with it.</summary>
    public string? Judge(BotAnswer answer) => Expected switch
    {
        DevCaseKind.Handoff => answer.Handoff ? null : $"expected a hand-off, got {answer.Intent}",
        DevCaseKind.OutOfScope => answer.Intent is BotIntents.OutOfScope or BotIntents.Unsure && !answer.Handoff && answer.Sources.Count == 0
            ? null : $"expected out of scope, got {answer.Intent}: {answer.Answer}",
        _ when answer.Handoff || answer.Intent is BotIntents.OutOfScope or BotIntents.Unsure => $"no answer ({answer.Intent})",
        _ => (Facts ?? []).Where(f => !f.Split('|').Any(alt => answer.Answer.Contains(alt, StringComparison.Ordinal))).ToList() is { Count: > 0 } missing
            ? $"missing {string.Join(", ", missing)} in: {answer.Answer}"
            : null,
    };
}

public sealed record DevSetScore(int Total, int Correct, IReadOnlyDictionary<DevCaseKind, (int Total, int Correct)> ByKind,
    IReadOnlyDictionary<string, (int Total, int Correct)> ByGroup, IReadOnlyList<string> Failures)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public double AccuracyOf(DevCaseKind kind) => ByKind.TryGetValue(kind, out var k) && k.Total > 0 ? (double)k.Correct / k.Total : 1;
}

/// <summary>The bot's dev set (tests/devsets/consultation.json) and its scorer, shared by the tests and the benchmark.</summary>
public static class ConsultationDevSet
{
    public static IReadOnlyList<DevCase> Load()
    {
        using var stream = typeof(ConsultationDevSet).Assembly.GetManifestResourceStream("devsets.consultation.json")!;
        var file = JsonSerializer.Deserialize<DevSetFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        return file.Cases;
    }

    public static DevSetScore Score(Func<string, BotAnswer> ask)
    {
        var failures = new List<string>();
        var byKind = new Dictionary<DevCaseKind, (int Total, int Correct)>();
        var byGroup = new Dictionary<string, (int Total, int Correct)>();
        var correct = 0;
        var cases = Load();
        foreach (var c in cases)
        {
            var problem = c.Judge(ask(c.Q));
            var k = byKind.GetValueOrDefault(c.Expected);
            byKind[c.Expected] = (k.Total + 1, k.Correct + (problem is null ? 1 : 0));
            var g = byGroup.GetValueOrDefault(c.Group ?? "");
            byGroup[c.Group ?? ""] = (g.Total + 1, g.Correct + (problem is null ? 1 : 0));
            if (problem is null)
                correct++;
            else
                failures.Add($"{c.Q} → {problem}");
        }
        return new DevSetScore(cases.Count, correct, byKind, byGroup, failures);
    }

    private sealed record DevSetFile(List<DevCase> Cases);
}
