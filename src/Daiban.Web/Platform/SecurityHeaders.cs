using Daiban.Web.Staff;

namespace Daiban.Web.Platform;

/// <summary>
/// The one place that sets browser security headers. Set as the response starts, so they are on every response,
/// the exception handler's problem details included (it clears headers set earlier).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The staff console: scripts and styles from this origin only, no inline code, no framing, so that stored text
    /// can never run.
    /// </summary>
    public const string ConsolePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>
    /// Hangfire's pages use inline scripts we do not control, so only framing is forbidden: no other site may overlay
    /// its requeue and delete buttons (clickjacking).
    /// </summary>
    public const string DashboardPolicy = "frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Decided now: the dashboard rewrites Path to its own sub-path before the response starts.
            var path = context.Request.Path;
            Func<object, Task> set = path.StartsWithSegments("/console") ? Console
                : path.StartsWithSegments(DashboardSessionEndpoints.DashboardPath) ? Dashboard
                : Everywhere;
            context.Response.OnStarting(set, context);
            return next(context);
        });
        return app;
    }

    private static Task Everywhere(object state)
    {
        var context = (HttpContext)state;
        // Never let a browser guess a type: an upload or a JSON value must not be sniffed into HTML or script.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        // API answers carry tokens and personal data: no browser or proxy may keep a copy.
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }

    private static Task Console(object state)
    {
        var headers = ((HttpContext)state).Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ConsolePolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Task.CompletedTask;
    }

    private static Task Dashboard(object state)
    {
        var headers = ((HttpContext)state).Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = DashboardPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return Task.CompletedTask;
    }
}
