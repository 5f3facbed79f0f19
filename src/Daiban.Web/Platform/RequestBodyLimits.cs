using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Daiban.Web.Platform;

/// <summary>
/// A smaller body cap for one endpoint than Kestrel's 30 MB default: an anonymous endpoint must not make us buffer and
/// parse megabytes it will never use.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>
    /// Caps the request body at <paramref name="bytes"/>. Routing hands the cap to Kestrel, which stops reading a
    /// chunked body past it (413 through the exception handler); a declared length over it is refused before reading.
    /// </summary>
    public static TBuilder WithMaxRequestBody<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes));

    /// <summary>Runs after routing (WebApplication routes first), so the endpoint's cap is known.</summary>
    public static WebApplication UseRequestBodyLimits(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var max = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            if (max is not { } limit || context.Request.ContentLength is not { } length || length <= limit)
                return next(context);
            return TypedResults.Problem(title: "提交的内容过大", detail: $"该接口的请求内容不能超过 {limit / 1024} KB。",
                statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
        });
        return app;
    }
}
