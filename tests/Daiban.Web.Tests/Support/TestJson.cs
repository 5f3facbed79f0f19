using System.Text.Json;
using System.Text.Json.Serialization;

namespace Daiban.Web.Tests.Support;

/// <summary>Reads responses the way the API writes them: web casing, enums by name.</summary>
public static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
