namespace Daiban.Core.Consultation;

/// <summary>
/// What a conversation remembers between questions: the catalogue item the last answer was about, so "那要多久？"
/// after a question about 施工许可证 is still about it. Read back from the stored answer's sources, so it needs no
/// state beyond the transcript.
/// </summary>
public sealed record ConversationMemory(string? LastItem)
{
    public static readonly ConversationMemory Empty = new((string?)null);

    /// <summary>The memory after an answer: the item it named, or none if it named none.</summary>
    public ConversationMemory After(BotAnswer answer) => FromSources(answer.Sources);

    public static ConversationMemory FromSources(IEnumerable<BotSource> sources) =>
        new(sources.Select(s => s.Id).FirstOrDefault(id => id.StartsWith(ItemPrefix, StringComparison.Ordinal))?[ItemPrefix.Length..]);

    private const string ItemPrefix = "item:";
}
