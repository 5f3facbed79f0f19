namespace Daiban.Core.Consultation;

/// <summary>The intents a bot answer is labelled with (the "intent" of /api/chat/ask).</summary>
public static class BotIntents
{
    public const string Greeting = "greeting";
    public const string Consult = "consult";
    public const string ItemTimeLimit = "item_time_limit";
    public const string ItemMaterials = "item_materials";
    public const string Item = "item";
    public const string Progress = "progress";
    public const string Apply = "apply";
    public const string Evaluation = "evaluation";
    public const string Handoff = "handoff";
    public const string Complaint = "complaint";
    /// <summary>In scope, but nothing in the knowledge base answers it well enough.</summary>
    public const string Unsure = "unsure";
    /// <summary>Not about the service at all.</summary>
    public const string OutOfScope = "out_of_scope";
    /// <summary>WeChat's content check refused the text.</summary>
    public const string Refused = "refused";
}
