using System.Text.Json;
using System.Xml.Linq;

namespace Daiban.WeChat.Push;

/// <summary>
/// Reads the item list of subscribe_msg_popup_event / subscribe_msg_change_event. In XML the items are repeated
/// &lt;List&gt; elements; in JSON "List" is an object for one item and an array for several.
/// </summary>
public static class SubscriptionEvents
{
    public sealed record Choice(string TemplateId, string Status)
    {
        /// <summary>accept, acceptWithAudio, acceptWithAlert … all count as accept.</summary>
        public bool Accepted => Status.StartsWith("accept", StringComparison.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<Choice> Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return [];
        var text = raw.Trim();
        if (text.StartsWith('<'))
        {
            var root = XElement.Parse($"<r>{text}</r>");
            return root.Elements("List").Select(l => new Choice((string?)l.Element("TemplateId") ?? "", (string?)l.Element("SubscribeStatusString") ?? ""))
                .Where(c => c.TemplateId.Length > 0).ToList();
        }
        using var doc = JsonDocument.Parse(text);
        if (!doc.RootElement.TryGetProperty("List", out var list))
            return [];
        var items = list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [list];
        return items.Select(i => new Choice(
                i.TryGetProperty("TemplateId", out var t) ? t.GetString() ?? "" : "",
                i.TryGetProperty("SubscribeStatusString", out var s) ? s.GetString() ?? "" : ""))
            .Where(c => c.TemplateId.Length > 0).ToList();
    }
}
