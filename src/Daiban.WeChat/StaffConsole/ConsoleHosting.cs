using Microsoft.AspNetCore.StaticFiles;

namespace Daiban.WeChat.StaffConsole;

/// <summary>
/// The staff console: static files under wwwroot/console served at /console, with a strict content security policy
/// (scripts and styles from this origin only, no inline code, no framing) so that stored text can never run.
/// </summary>
public static class ConsoleHosting
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
                                  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static WebApplication UseConsole(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value == "/console")
            {
                context.Response.Redirect("/console/");
                return;
            }
            if (context.Request.Path.StartsWithSegments("/console"))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = Policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-cache";
            }
            await next();
        });
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = "/console", FileProvider = ConsoleFiles(app) });
        app.UseStaticFiles(new StaticFileOptions { RequestPath = "/console", FileProvider = ConsoleFiles(app), ContentTypeProvider = new FileExtensionContentTypeProvider() });
        return app;
    }

    private static Microsoft.Extensions.FileProviders.IFileProvider ConsoleFiles(WebApplication app) =>
        new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "console"));
}
