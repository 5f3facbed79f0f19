using Daiban.Core.Consultation;
using Daiban.Testing.Consultation;
using Xunit.Abstractions;

namespace Daiban.Core.Tests.Consultation;

/// <summary>
/// How the bot's thresholds were chosen: on the tuning part of the paraphrase set only, the intent model
/// cross-validated (each fold's questions left out of its training), the confidence floors by the whole bot's
/// tuning score. The targets asserted are the ones the shipped thresholds were chosen for.
/// </summary>
public sealed class IntentModelTests(ITestOutputHelper output)
{
    private const int Folds = 5;

    [Fact]
    public void The_shipped_handoff_and_out_of_scope_floors_meet_their_targets_cross_validated_on_tuning()
    {
        using var knowledge = KnowledgeBase.Shipped();
        var tuning = ParaphraseSet.Load().Where(c => c.Split == ParaphraseCase.Tuning).ToList();
        var scored = new List<(ParaphraseCase Case, IntentScores Scores)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var heldOut = tuning.Where((_, i) => i % Folds == fold).ToList();
            var left = heldOut.Select(c => c.Q).ToHashSet(StringComparer.Ordinal);
            var model = new IntentModel(IntentModel.ShippedExamples().Where(e => !left.Contains(e.Text))
                .Concat(knowledge.OwnExamples).Select(e => (knowledge.Lexicon.Respell(e.Text), e.Label)),
                knowledge.ModelWords);
            scored.AddRange(heldOut.Select(c => (c, model.Score(knowledge.Lexicon.Expand(c.Q)))));
        }

        double Share(string kind, Func<IntentScores, bool> test) =>
            scored.Count(s => s.Case.Kind == kind && test(s.Scores)) / (double)scored.Count(s => s.Case.Kind == kind);
        foreach (var t in new[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 })
            output.WriteLine($"floor {t:F1}: handoff caught {Share("handoff", s => s.Handoff >= t):P0}, answer handed off " +
                             $"{Share("answer", s => s.Handoff >= t):P1}; out of scope caught {Share("out_of_scope", s => s.OutOfScope >= t):P0}, " +
                             $"answer called out of scope {Share("answer", s => s.OutOfScope >= t):P1}");
        foreach (var (c, s) in scored.Where(s => s.Case.Kind == "answer" && (s.Scores.Handoff >= BotThresholds.Shipped.Handoff
                     || s.Scores.OutOfScope >= BotThresholds.Shipped.OutOfScope)))
            output.WriteLine($"answer misjudged: {c.Q} h={s.Handoff:F2} o={s.OutOfScope:F2}");

        var floors = BotThresholds.Shipped;
        Assert.True(Share("answer", s => s.Handoff >= floors.Handoff) <= 0.05, "in-scope questions handed off");
        Assert.True(Share("answer", s => s.OutOfScope >= floors.OutOfScope) <= 0.02, "in-scope questions called out of scope");
        // The model alone catches most; the cue words and the bot's "not sure" catch the rest (ParaphraseSetTests).
        Assert.True(Share("handoff", s => s.Handoff >= floors.Handoff) >= 0.75, "hand-offs missed");
        Assert.True(Share("out_of_scope", s => s.OutOfScope >= floors.OutOfScope) >= 0.70, "out-of-scope questions missed");
    }

    /// <summary>
    /// The tuning score that does not flatter the bot: each fold of the tuning part is answered by a bot whose intent
    /// model never saw that fold's questions (the in-sample tuning score does, as they are training examples). The
    /// retrieval choices (the title boost, the floors) are compared on this figure and the dev set.
    /// </summary>
    [Fact]
    public void The_whole_bot_cross_validated_on_tuning_keeps_its_score()
    {
        using var knowledge = KnowledgeBase.Shipped();
        var tuning = ParaphraseSet.Load().Where(c => c.Split == ParaphraseCase.Tuning).ToList();
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tuning.Count; i++)
            foreach (var q in (tuning[i].Context ?? []).Append(tuning[i].Q))
                foldOf.TryAdd(q, i % Folds);
        var bots = Enumerable.Range(0, Folds).Select(fold =>
        {
            var left = tuning.Where((_, i) => i % Folds == fold).Select(c => c.Q).ToHashSet(StringComparer.Ordinal);
            var model = new IntentModel(IntentModel.ShippedExamples().Where(e => !left.Contains(e.Text))
                .Concat(knowledge.OwnExamples).Select(e => (knowledge.Lexicon.Respell(e.Text), e.Label)),
                knowledge.ModelWords);
            return new KnowledgeBot(knowledge, intents: model);
        }).ToList();

        var score = ParaphraseSet.Score(ParaphraseCase.Tuning,
            (q, memory) => bots[foldOf.GetValueOrDefault(q)].Answer(q, memory));

        output.WriteLine("cross-validated " + score.Summary());
        foreach (var failure in score.Score.Failures)
            output.WriteLine("FAIL cross-validated " + failure);
        // 463/522 with the logistic intent model (457 with naive Bayes), less a few questions' margin.
        Assert.True(score.Score.Correct >= 458, score.Summary());
        Assert.True(score.Score.AccuracyOf(DevCaseKind.Handoff) >= 0.85, score.Summary());
        Assert.True(score.Score.AccuracyOf(DevCaseKind.OutOfScope) >= 0.9, score.Summary());
    }

    [Fact]
    public void The_shipped_confidence_floors_score_best_on_tuning_without_answering_out_of_scope_questions()
    {
        using var knowledge = KnowledgeBase.Shipped();
        var shipped = BotThresholds.Shipped;
        var results = new List<(BotThresholds Floors, double Accuracy, double OutOfScope)>();
        foreach (var confidence in new[] { 0.35, 0.45, 0.55 })
            foreach (var known in new[] { 0.0, 0.3, 0.4, 0.5, 0.55, 0.6 })
            {
                var floors = shipped with { Confidence = confidence, Known = known };
                var score = ParaphraseSet.Score(ParaphraseCase.Tuning, new KnowledgeBot(knowledge, floors).Answer).Score;
                results.Add((floors, score.Accuracy, score.AccuracyOf(DevCaseKind.OutOfScope)));
                output.WriteLine($"confidence {confidence:F2} known {known:F2}: tuning {score.Accuracy:P1}, out of scope {score.AccuracyOf(DevCaseKind.OutOfScope):P0}");
            }
        var best = results.Where(r => r.OutOfScope >= 0.95).Max(r => r.Accuracy);
        var ours = results.Single(r => r.Floors == shipped);
        Assert.True(ours.OutOfScope >= 0.95, "out-of-scope questions answered");
        // An allowance, knowingly spent: a known-word floor of 0.55 costs about four tuning points but keeps a
        // question about a detail the knowledge base has no words for ("工牌编号") unsure instead of answered.
        Assert.True(ours.Accuracy >= best - 0.05, $"shipped floors {ours.Accuracy:P1}, best {best:P1}");
    }
}
