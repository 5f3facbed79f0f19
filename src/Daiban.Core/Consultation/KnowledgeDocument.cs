namespace Daiban.Core.Consultation;

public static class KnowledgeKinds
{
    public const string Faq = "faq";
    public const string Policy = "policy";
    public const string Item = "item";
    public const string TypicalCase = "case";
    public const string Holidays = "holidays";
}

/// <summary>
/// One searchable passage. <see cref="Title"/> is how people would ask for it (an FAQ's question and its other
/// phrasings, an item's names); <see cref="Answer"/> is what the bot may say, word for word.
/// </summary>
public sealed record KnowledgeDocument(string Id, string Kind, string Title, string Answer, string? Topic = null, string? ItemCode = null)
{
    /// <summary>The source the asker sees: "faq:svc-fee", "item:S3-03", "policy:5".</summary>
    public BotSource ToSource() => new(SourceTitle, Id);

    public string SourceTitle => Kind switch
    {
        KnowledgeKinds.Faq => $"常见问题：{FirstLine(Title)}",
        KnowledgeKinds.Policy => $"《乳山市工程建设项目帮办代办包办工作制度》{FirstLine(Title)}",
        KnowledgeKinds.Item => $"审批事项目录：{FirstLine(Title)}",
        KnowledgeKinds.TypicalCase => $"典型案例：{FirstLine(Title)}",
        _ => FirstLine(Title),
    };

    private static string FirstLine(string s) => s.Split('\n', 2)[0];
}
