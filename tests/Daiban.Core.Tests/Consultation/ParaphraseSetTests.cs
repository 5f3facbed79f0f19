using Daiban.Core.Consultation;
using Daiban.Testing.Consultation;
using Xunit.Abstractions;

namespace Daiban.Core.Tests.Consultation;

/// <summary>
/// The independent paraphrase set (tests/devsets/paraphrases.json) through the bot the API uses. The bot was tuned
/// on the tuning part only; the floors are what it reaches on the validation part, less a small margin.
/// </summary>
public sealed class ParaphraseSetTests(ITestOutputHelper output)
{
    // Short of the goal (92 %, and every hand-off and out-of-scope question): what the bot reaches, less a
    // few questions' margin. Raise them as the bot improves; never by moving a validation question into tuning.
    // 2026-12-03: validation grew by 81 questions of a second writer, never tuned on (173/227; out of scope 28/32).
    // 2026-12-04: and by 81 of a third (232/308; out of scope 40/48).
    private const double ValidationFloor = 0.74;
    private const double ValidationHandoffFloor = 0.75;
    private const double ValidationOutOfScopeFloor = 0.80;

    [Fact]
    public void The_bot_answers_the_validation_part_of_the_paraphrase_set()
    {
        using var knowledge = KnowledgeBase.Shipped();
        var bot = new KnowledgeBot(knowledge);

        var tuning = ParaphraseSet.Score(ParaphraseCase.Tuning, bot.Answer);
        var validation = ParaphraseSet.Score(ParaphraseCase.Validation, bot.Answer);

        output.WriteLine(tuning.Summary());
        output.WriteLine("  topics: " + tuning.Topics());
        // Validation's overall figure only: its per-topic figures would point tuning at validation's misses.
        output.WriteLine(validation.Summary());
        // Validation failures stay hidden unless asked for: tuning on them would make the figure meaningless.
        if (Environment.GetEnvironmentVariable("DAIBAN_SHOW_VALIDATION_FAILURES") == "1")
            foreach (var failure in validation.Score.Failures)
                output.WriteLine("FAIL validation " + failure);
        foreach (var failure in tuning.Score.Failures)
            output.WriteLine("FAIL tuning " + failure);
        Assert.True(validation.Score.Accuracy >= ValidationFloor, validation.Summary());
        Assert.True(validation.Score.AccuracyOf(DevCaseKind.Handoff) >= ValidationHandoffFloor, validation.Summary());
        Assert.True(validation.Score.AccuracyOf(DevCaseKind.OutOfScope) >= ValidationOutOfScopeFloor, validation.Summary());
    }

    [Fact]
    public void The_intent_model_is_trained_on_no_validation_question()
    {
        var validation = ParaphraseSet.Load().Where(c => c.Split == ParaphraseCase.Validation)
            .Select(c => c.Q).ToHashSet(StringComparer.Ordinal);
        var tuning = ParaphraseSet.Load().Where(c => c.Split == ParaphraseCase.Tuning).Select(c => c.Q).ToHashSet(StringComparer.Ordinal);

        var trained = IntentModel.ShippedExamples().Select(e => e.Text).ToList();

        Assert.DoesNotContain(trained, validation.Contains);
        Assert.Contains(trained, tuning.Contains);
    }
}
