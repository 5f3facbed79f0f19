namespace Daiban.Core.Consultation;

/// <summary>
/// Decides what kind of question this is from cue words, before any search: the intents that must never be
/// missed (a person asked for, a complaint) come first, so a question that also matches the FAQ still reaches a person.
/// </summary>
public static class IntentClassifier
{
    private static readonly string[] HandoffCues = [
        "转人工", "人工", "真人", "客服", "找代办员", "联系代办员", "和代办员", "跟代办员", "让代办员", "找工作人员", "直接联系我", "请联系我",
        "尽快联系我", "活人", "找个人", "找个懂", "换个代办员", "换代办员", "换个人", "电话多少", "电话号码", "联系方式",
        // A person wanted, said in a sentence: the bot did not help, or the asker wants to talk to someone.
        "机器人", "自动回复", "说不清", "说不明白", "讲不明白", "听不懂", "答不了", "回答不了", "答非所问", "回答的不对", "回答得不对",
        "不管用", "没帮上", "跟人说", "跟人聊", "找人聊", "当面咨询", "当面聊", "当面谈", "面谈", "懂行", "懂的人", "领导",
        "留个言", "留言", "回个话", "回我电话", "要人"
    ];
    // A phone call asked for is a hand-off; one asked about ("回访电话是谁打", "会有人打电话回访吗") is a callback question.
    private static readonly string[] PhoneCues = ["打电话", "通电话", "打个电话"];
    private static readonly string[] ComplaintCues = [
        "投诉", "举报", "太慢了", "态度差", "态度太差", "态度很差", "态度不好", "态度恶劣", "不作为", "刁难", "乱收费", "推诿"
    ];
    private static readonly string[] GreetingWords = [
        "你好", "您好", "在吗", "在不在", "hi", "hello", "嗨", "早上好", "下午好", "晚上好", "谢谢", "多谢", "好的", "再见"
    ];
    private static readonly string[] ProgressCues = [
        "进度", "办到哪", "到哪一步", "到哪了", "办得怎么样", "怎么样了", "批下来没", "了没", "没收到", "没动静", "卡在", "我的案件", "我的申请", "我的项目"
    ];
    // Whose case: "我们公司的施工证办好了吗" asks about one case only a person (or the signed-in user's own list) can answer.
    private static readonly string[] OwnCaseCues = ["我的", "我们的", "我们公司", "我们那个", "我们项目", "我们这个", "编号", "受理号"];
    private static readonly string[] StateCues = ["了吗", "好了没", "下来了", "出来了"];
    // Asking how one's case can be followed is a question about the service, not about one case.
    private static readonly string[] HowToFollowCues = ["在哪", "哪里", "怎么查", "能查", "网上查", "可以查", "会记", "能看"];
    // What else a catalogue row answers besides time and materials: who does it, which stage it belongs to.
    private static readonly string[] RowCues = [
        "哪个部门", "什么部门", "哪个单位", "归哪", "哪管", "谁管", "在哪办", "去哪办", "哪里办", "哪儿办", "谁批", "谁审", "找谁办", "哪家", "哪个阶段",
        "几个阶段", "第几", "一个阶段"
    ];
    private static readonly string[] TimeCues = [
        "时限", "多快", "几个工作日", "多少个工作日", "什么时候能拿", "什么时候能办好", "期限", "办结时间", "审批时间", "办理时间"
    ];
    private static readonly string[] MaterialCues = [
        "材料", "资料", "准备什么", "准备哪些", "准备些", "要准备", "带什么", "提交什么", "交什么", "要件"
    ];
    private static readonly string[] ApplyCues = [
        "怎么申请", "如何申请", "我要申请", "想申请", "申请代办", "申请帮办", "申请包办", "去哪里申请", "去哪儿申请", "在哪申请", "在哪里申请"
    ];
    private static readonly string[] EvaluationCues = ["评价", "差评", "好评", "打分", "满意度", "补评"];

    public static string Classify(string expanded, IReadOnlyList<string> items)
    {
        var text = expanded.ToLowerInvariant();
        if (Has(text, ComplaintCues))
            return BotIntents.Complaint;
        if (Has(text, HandoffCues) || (Has(text, PhoneCues) && !text.Contains("回访", StringComparison.Ordinal)))
            return BotIntents.Handoff;
        if (IsGreeting(text))
            return BotIntents.Greeting;
        if (Has(text, ProgressCues) || (Has(text, OwnCaseCues) && Has(text, StateCues)))
            return BotIntents.Progress;
        if (items.Count > 0)
        {
            var time = Has(text, TimeCues);
            var materials = Has(text, MaterialCues);
            if (time || materials)
                return time ? BotIntents.ItemTimeLimit : BotIntents.ItemMaterials;
            if (Has(text, RowCues))
                return BotIntents.Item;
        }
        if (Has(text, EvaluationCues))
            return BotIntents.Evaluation;
        if (Has(text, ApplyCues))
            return BotIntents.Apply;
        return BotIntents.Consult;
    }

    /// <summary>A progress question about one's own case ("我们公司的施工证办好了吗"), not how progress is followed.</summary>
    public static bool AsksOwnCase(string expanded) =>
        (Has(expanded, StatusCues) || (Has(expanded, OwnCaseCues) && Has(expanded, [.. ProgressCues, .. StateCues])
            && !Has(expanded, ["谁", "什么", "怎么", "哪些", "要不要", "能不能", "可以"])))
        && !Has(expanded, HowToFollowCues);

    // Said only of something already under way: "出了没", "到现在都没收到".
    private static readonly string[] StatusCues = ["了没", "没收到", "没动静", "卡在", "到哪了", "办到哪"];

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
