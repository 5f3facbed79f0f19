using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Daiban.WeChat.Push;

/// <summary>A pushed message or event, whatever its format: the fields by name, as strings.</summary>
public sealed class PushMessage(IReadOnlyDictionary<string, string> fields)
{
    public IReadOnlyDictionary<string, string> Fields { get; } = fields;

    public string? this[string name] => Fields.TryGetValue(name, out var v) ? v : null;

    public string FromUser => this["FromUserName"] ?? "";
    public string MsgType => this["MsgType"] ?? "";
    public string? Event => this["Event"];
    public string? Content => this["Content"];
    public string? Encrypt => this["Encrypt"];

    /// <summary>
    /// WeChat's de-duplication rule: MsgId for messages; sender + time for events, to which we add the type, the
    /// event and a digest of the content. A retry repeats the same payload and still collapses, while two different
    /// events of one user in the same second (two subscription pop-ups, say) both count.
    /// </summary>
    public string DeduplicationKey => this["MsgId"] is { Length: > 0 } msgId
        ? $"msg:{msgId}"
        : $"evt:{FromUser}:{this["CreateTime"]}:{MsgType}:{Event}:{ContentDigest()}";

    private string ContentDigest()
    {
        var canonical = string.Join("\n", Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    public string ToJson() => JsonSerializer.Serialize(Fields);
}

/// <summary>Parses XML and JSON pushes defensively: no DTDs, bounded size and depth, tolerant of number-or-string fields.</summary>
public static class PushParser
{
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBodyBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <exception cref="FormatException">The body is neither well-formed XML nor a JSON object, or it declares a DTD.</exception>
    public static PushMessage Parse(string body)
    {
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('<'))
            return ParseXml(body);
        if (trimmed.StartsWith('{'))
            return ParseJson(body);
        throw new FormatException("The push body is neither XML nor JSON.");
    }

    private static PushMessage ParseXml(string body)
    {
        try
        {
            // Streamed, not loaded into a document: a push is read once, field by field.
            using var reader = XmlReader.Create(new StringReader(body), XmlSettings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "xml")
                throw new FormatException("The push root element must be <xml>.");
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!reader.IsEmptyElement)
            {
                reader.Read();
                while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                        continue;
                    }
                    // Direct children of <xml> are the fields; an element with children (an event's item list) keeps its XML.
                    var element = (XElement)XNode.ReadFrom(reader);
                    fields[element.Name.LocalName] = element.HasElements ? string.Concat(element.Nodes()) : element.Value;
                }
            }
            // The rest must still be well-formed (nothing but the closing tag, comments or whitespace).
            while (reader.Read())
            {
            }
            return new PushMessage(fields);
        }
        catch (XmlException e)
        {
            throw new FormatException("Malformed or forbidden XML in push body.", e);
        }
    }

    private static PushMessage ParseJson(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new FormatException("The push body must be a JSON object.");
            var fields = doc.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString() ?? "",
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
                    JsonValueKind.Null => "",
                    _ => p.Value.GetRawText(),
                },
                StringComparer.Ordinal);
            return new PushMessage(fields);
        }
        catch (JsonException e)
        {
            throw new FormatException("Malformed JSON in push body.", e);
        }
    }
}
