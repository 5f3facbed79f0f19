namespace Daiban.Web.Consultation;

public sealed class ChatOptions
{
    public const string SectionName = "Chat";
    /// <summary>Questions one asker (WeChat user, or IP address when anonymous) may ask per minute, across all instances.</summary>
    public int QuestionsPerMinute { get; set; } = 20;

    /// <summary>Optional LLM phrasing of retrieved answers (off unless Endpoint and Model are set).</summary>
    public LlmOptions Llm { get; set; } = new();
}

/// <summary>An OpenAI-compatible chat endpoint. The key comes from the environment (Chat__Llm__ApiKey), never from a file in the repo.</summary>
public sealed class LlmOptions
{
    public string? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }
    public int TimeoutSeconds { get; set; } = 5;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);
}
