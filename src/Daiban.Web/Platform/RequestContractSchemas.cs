using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Daiban.Web.Platform;

/// <summary>
/// In a request contract's schema, <c>required</c> lists exactly the fields the server refuses a request without,
/// each marked <c>[property: Required]</c> on its record. System.Text.Json's schema exporter would list every
/// positional-record parameter without a default value, though binding accepts any of them missing (as null): the
/// contracts are nullable on purpose, so that the domain refuses a missing field with its Chinese message. Response
/// schemas keep the exporter's list, which is true of them: every property is always written.
/// </summary>
internal sealed class RequestContractSchemas(IApiDescriptionGroupCollectionProvider api) : IOpenApiSchemaTransformer
{
    private HashSet<Type>? _requestTypes;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        var info = context.JsonTypeInfo;
        if (info.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 }
            && RequestTypes(info.Options).Contains(info.Type))
        {
            var required = info.Properties.Where(p => p.IsRequired).Select(p => p.Name).ToHashSet();
            schema.Required = required.Count > 0 ? required : null;
        }
        return Task.CompletedTask;
    }

    /// <summary>Every type read from a request body, and every object type within one (say, its project).</summary>
    private HashSet<Type> RequestTypes(System.Text.Json.JsonSerializerOptions options)
    {
        if (_requestTypes is not null)
            return _requestTypes;
        var bodies = api.ApiDescriptionGroups.Items.SelectMany(g => g.Items).SelectMany(d => d.ParameterDescriptions)
            .Where(p => p.Source == BindingSource.Body && p.Type is not null).Select(p => p.Type!);
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(bodies);
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            var info = options.GetTypeInfo(type);
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object when found.Add(type):
                    foreach (var property in info.Properties)
                        pending.Push(property.PropertyType);
                    break;
                case JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary when info.ElementType is { } element:
                    pending.Push(element);
                    break;
            }
        }
        return _requestTypes = found;
    }
}
