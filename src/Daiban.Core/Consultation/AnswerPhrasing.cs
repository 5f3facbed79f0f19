using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Daiban.Core.Consultation;

/// <summary>
/// Optional: an LLM rewrites a retrieved answer in friendlier words. It is given only the retrieved passages and
/// may only rephrase them; <see cref="NoInventionGuard"/> then throws its text away — keeping the retrieval
/// answer — if it holds a number or a catalogue material that none of the passages holds, or if the model fails
/// or is slow. Off unless Chat:Llm is configured.
/// </summary>
public sealed class AnswerPhrasing(IChatClient client, TimeSpan timeout)
{
    private const string Instructions =
        "你是乳山市工程建设项目帮办代办包办服务的咨询助手。只能根据给出的资料，用简洁、礼貌的中文改写答案，方便忙碌的项目负责人阅读。" +
        "不得添加资料中没有的任何时限、数字、费用、材料或承诺；资料没有说的，不要说。只输出改写后的答案。";

    public async Task<BotAnswer> PhraseAsync(string question, BotAnswer answer, IReadOnlyList<string> passages, IEnumerable<string> materialNames, CancellationToken ct)
    {
        if (passages.Count == 0)
            return answer;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            var response = await client.GetResponseAsync(
                [
                    new ChatMessage(ChatRole.System, Instructions),
                    new ChatMessage(ChatRole.User, $"资料：\n{string.Join("\n", passages)}\n\n检索得到的答案：{answer.Answer}\n\n用户的问题：{question}"),
                ], cancellationToken: cts.Token);
            var text = response.Text?.Trim();
            return !string.IsNullOrEmpty(text) && NoInventionGuard.Allows(text, passages, materialNames) ? answer with { Answer = text } : answer;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return answer;
        }
    }
}

/// <summary>
/// The bot's promise in code: an answer may state a number (Arabic or Chinese, with its unit) or name a catalogue
/// material only if one of its source passages does.
/// </summary>
public static partial class NoInventionGuard
{
    public static bool Allows(string candidate, IReadOnlyList<string> passages, IEnumerable<string> materialNames)
    {
        var sources = string.Join("\n", passages);
        var numbersInSources = Numbers().Matches(sources).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        if (Numbers().Matches(candidate).Any(m => !numbersInSources.Contains(m.Value)))
            return false;
        // A number may appear in the sources in another role (a list's "2."): with its unit it must appear as such.
        if (Quantities().Matches(candidate).Any(m => !sources.Contains(m.Value, StringComparison.Ordinal)))
            return false;
        if (ChineseQuantities().Matches(candidate).Any(m => !sources.Contains(m.Value, StringComparison.Ordinal)))
            return false;
        return !materialNames.Any(name => candidate.Contains(name, StringComparison.Ordinal) && !sources.Contains(name, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\d+(?:\.\d+)?(?:个)?(?:工作日|日|天|周|个月|月|年|万元|元|平方米|米|次|项|%)")]
    private static partial Regex Quantities();

    [GeneratedRegex(@"[一二两三四五六七八九十百千万]+(?:个)?(?:工作日|日|天|周|个月|月|年|万元|元|平方米|米|次|项)")]
    private static partial Regex ChineseQuantities();
}
