using System.Diagnostics;
using Daiban.Core.Common;
using Daiban.Core.Consultation;
using Daiban.Core.Seed;
using Daiban.Core.Supervision;
using Daiban.Testing.Consultation;

namespace Daiban.Benchmarks;

/// <summary>
/// The consultation bot: index build time, and answer latency p50/p99 over the dev set with the whole knowledge
/// base loaded (shipped FAQ, policy, catalogue, holidays, plus <c>--cases</c> synthetic published typical cases).
/// Baseline in the same run: answering by scanning every passage for the question's bigrams (no index).
/// </summary>
public static class BotBenchmark
{
    public static void Run(int typicalCases, int rounds)
    {
        var now = DateTimeOffset.UtcNow;
        var cases = Enumerable.Range(1, typicalCases).Select(n =>
        {
            var t = new TypicalCase(null, $"典型案例{n}：某{(n % 2 == 0 ? "工业厂房" : "商住")}项目{n % 4 + 1}个阶段全程包办",
                $"项目位于乳山市第{n}号地块，总建筑面积{n * 37 % 9000 + 1000}平方米。代办员提前介入，联合审图与施工许可并联推进，{n % 30 + 10}个工作日内完成全部审批。", "容缺受理；并联审批；一次性告知", Actor.System, now);
            t.Publish(now);
            return t;
        }).ToList();

        KnowledgeBase Build() => new(ReferenceData.ShippedFaq(), ReferenceData.ShippedCatalog(), ReferenceData.ShippedDepartments(), cases,
            ReferenceData.ShippedCalendarDays(), KnowledgeBase.ShippedPolicy(), Lexicon.Shipped);

        Build().Dispose(); // warm-up: JIT, resources
        var builds = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var sw = Stopwatch.StartNew();
            Build().Dispose();
            builds.Add(sw.Elapsed.TotalMilliseconds);
        }
        builds.Sort();

        using var kb = Build();
        var bot = new KnowledgeBot(kb);
        var questions = ConsultationDevSet.Load().Select(c => c.Q).ToList();
        var passages = kb.Index.Documents.Select(d => d.Title + "\n" + d.Answer).ToList();
        foreach (var q in questions)
        {
            bot.Answer(q);
            Scan(passages, q);
        }

        var botSamples = Sample(questions, rounds, q => bot.Answer(q));
        var scanSamples = Sample(questions, rounds, q => Scan(passages, q));
        var score = ConsultationDevSet.Score(bot.Answer);

        Console.WriteLine($"knowledge base: {kb.Index.Count} passages ({typicalCases} synthetic typical cases), dev set {questions.Count} questions × {rounds} rounds");
        Console.WriteLine($"index build:      median {builds[builds.Count / 2]:F1} ms, max {builds[^1]:F1} ms");
        Console.WriteLine($"bot answer:       p50 {P(botSamples, 0.50):F3} ms, p99 {P(botSamples, 0.99):F3} ms");
        Console.WriteLine($"baseline scan:    p50 {P(scanSamples, 0.50):F3} ms, p99 {P(scanSamples, 0.99):F3} ms");
        Console.WriteLine($"ratio bot/scan:   p50 {P(botSamples, 0.50) / P(scanSamples, 0.50):F2}×, p99 {P(botSamples, 0.99) / P(scanSamples, 0.99):F2}×");
        Console.WriteLine($"dev set accuracy: {score.Correct}/{score.Total} = {score.Accuracy:P1}");
    }

    private static List<double> Sample(List<string> questions, int rounds, Action<string> answer)
    {
        var samples = new List<double>(questions.Count * rounds);
        for (var r = 0; r < rounds; r++)
            foreach (var q in questions)
            {
                var sw = Stopwatch.StartNew();
                answer(q);
                samples.Add(sw.Elapsed.TotalMilliseconds);
            }
        samples.Sort();
        return samples;
    }

    private static double P(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];

    /// <summary>The naive way: the passage containing most of the question's bigrams, found by scanning them all.</summary>
    private static int Scan(List<string> passages, string question)
    {
        var bigrams = Enumerable.Range(0, Math.Max(0, question.Length - 1)).Select(i => question.Substring(i, 2)).Distinct().ToList();
        var best = -1;
        var bestCount = -1;
        for (var i = 0; i < passages.Count; i++)
        {
            var count = bigrams.Count(b => passages[i].Contains(b, StringComparison.Ordinal));
            if (count > bestCount)
                (best, bestCount) = (i, count);
        }
        return best;
    }
}
