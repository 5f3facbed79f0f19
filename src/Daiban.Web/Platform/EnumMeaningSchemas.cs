using System.Text.Json.Nodes;
using Daiban.Core.Common;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Daiban.Web.Platform;

/// <summary>
/// An enum's schema says what each value means in Chinese: in its description ("FullService：包办；…") and, for
/// client generators, as <c>x-enum-descriptions</c> in the order of <c>enum</c>. The words are Core's
/// (<see cref="EnumNames"/>); only the OpenAPI wording is here.
/// </summary>
internal sealed class EnumMeaningSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 } && EnumNames.Of(type) is { } names)
        {
            schema.Description = string.Join("；", names.Select(n => $"{n.Value}：{n.Name}"));
            var byValue = names.ToDictionary(n => n.Value.ToString(), n => n.Name);
            var described = new JsonArray();
            // Aligned with "enum", whose null (a nullable enum's) means nothing to describe.
            foreach (var value in schema.Enum)
                described.Add(value is null ? "" : byValue.GetValueOrDefault(value.GetValue<string>(), ""));
            schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            schema.Extensions["x-enum-descriptions"] = new JsonNodeExtension(described);
        }
        return Task.CompletedTask;
    }
}
