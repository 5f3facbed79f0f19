namespace Daiban.Core.Consultation;

/// <summary>
/// Decides what kind of question this is from cue words, before any search: the intents that must never be
/// missed (a person asked for, a complaint) come first, so a question that also matches the FAQ still reaches a person.
/// </summary>
public static class IntentClassifier
{
    private static readonly string[] HandoffCues = ["转人工", "人工", "真人", "客服", "找代办员", "联系代办员", "和代办员", "跟代办员", "让代办员", "找工作人员", "打电话", "通电话", "直接联系我", "请联系我", "尽快联系我"];
    private static readonly string[] ComplaintCues = ["投诉", "举报", "太慢了", "态度差", "态度太差", "态度很差", "态度不好", "态度恶劣", "不作为", "刁难", "乱收费", "推诿"];
    private static readonly string[] GreetingWords = ["你好", "您好", "在吗", "在不在", "hi", "hello", "嗨", "早上好", "下午好", "晚上好", "谢谢", "多谢", "好的", "再见"];
    private static readonly string[] ProgressCues = ["进度", "办到哪", "到哪一步", "到哪了", "办得怎么样", "怎么样了", "批下来没", "批了没", "办好了没", "办完了没", "我的案件", "我的申请", "我的项目"];
    private static readonly string[] TimeCues = ["时限", "多快", "几个工作日", "多少个工作日", "什么时候能拿", "什么时候能办好", "期限", "办结时间"];
    private static readonly string[] MaterialCues = ["材料", "资料", "准备什么", "准备哪些", "带什么", "提交什么", "交什么", "要件"];
    private static readonly string[] ApplyCues = ["怎么申请", "如何申请", "我要申请", "想申请", "申请代办", "申请帮办", "申请包办", "去哪里申请", "去哪儿申请", "在哪申请", "在哪里申请"];
    private static readonly string[] EvaluationCues = ["评价", "差评", "好评", "打分", "满意度", "补评"];

    public static string Classify(string expanded, IReadOnlyList<string> items)
    {
        var text = expanded.ToLowerInvariant();
        if (Has(text, ComplaintCues))
            return BotIntents.Complaint;
        if (Has(text, HandoffCues))
            return BotIntents.Handoff;
        if (IsGreeting(text))
            return BotIntents.Greeting;
        if (Has(text, ProgressCues))
            return BotIntents.Progress;
        if (items.Count > 0)
        {
            var time = Has(text, TimeCues);
            var materials = Has(text, MaterialCues);
            if (time || materials)
                return time ? BotIntents.ItemTimeLimit : BotIntents.ItemMaterials;
        }
        if (Has(text, EvaluationCues))
            return BotIntents.Evaluation;
        if (Has(text, ApplyCues))
            return BotIntents.Apply;
        return BotIntents.Consult;
    }

    public static bool AsksTime(string expanded) => Has(expanded, TimeCues);

    public static bool AsksMaterials(string expanded) => Has(expanded, MaterialCues);

    /// <summary>Only a greeting, nothing else: "你好" is one, "你好，施工证要多久" is a question.</summary>
    private static bool IsGreeting(string text)
    {
        var rest = text;
        foreach (var word in GreetingWords)
            rest = rest.Replace(word, "", StringComparison.Ordinal);
        return rest.Length < text.Length && rest.All(c => char.IsPunctuation(c) || char.IsWhiteSpace(c) || c is '呀' or '啊' or '呢' or '哈' or '~' or '～');
    }

    private static bool Has(string text, string[] cues) => cues.Any(c => text.Contains(c, StringComparison.Ordinal));
}
