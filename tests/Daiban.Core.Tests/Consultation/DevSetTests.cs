using Daiban.Core.Consultation;
using Daiban.Testing.Consultation;
using Xunit.Abstractions;

namespace Daiban.Core.Tests.Consultation;

public sealed class DevSetTests(ITestOutputHelper output)
{
    [Fact]
    public void The_bot_answers_the_dev_set_with_at_least_90_percent_and_every_handoff_and_out_of_scope_case()
    {
        using var knowledge = KnowledgeBase.Shipped();
        var bot = new KnowledgeBot(knowledge);

        var score = ConsultationDevSet.Score(bot.Answer);

        output.WriteLine($"dev set: {score.Correct}/{score.Total} = {score.Accuracy:P1}; " +
                         string.Join("; ", score.ByKind.Select(k => $"{k.Key} {k.Value.Correct}/{k.Value.Total}")) + "; " +
                         string.Join("; ", score.ByGroup.Select(g => $"{g.Key} {g.Value.Correct}/{g.Value.Total}")));
        foreach (var failure in score.Failures)
            output.WriteLine("FAIL " + failure);
        Assert.True(score.Accuracy >= 0.9, $"accuracy {score.Accuracy:P1}:\n{string.Join('\n', score.Failures)}");
        Assert.Equal(1, score.AccuracyOf(DevCaseKind.Handoff));
        Assert.Equal(1, score.AccuracyOf(DevCaseKind.OutOfScope));
    }
}
