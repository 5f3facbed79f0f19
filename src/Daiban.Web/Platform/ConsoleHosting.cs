using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Daiban.Web.Platform;

/// <summary>
/// The staff console: static files under wwwroot/console served at /console, with a strict content security policy
/// (<see cref="Infrastructure.SecurityHeaders.ConsolePolicy"/>, set with the other security headers).
/// </summary>
public static class ConsoleHosting
{
    public static WebApplication UseConsole(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value == "/console")
            {
                context.Response.Redirect("/console/");
                return;
            }
            await next();
        });
        var files = ConsoleFiles(app);
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = "/console", FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { RequestPath = "/console", FileProvider = files, ContentTypeProvider = new FileExtensionContentTypeProvider() });
        return app;
    }

    /// <summary>
    /// The console's folder: under the web root when the host runs from its project or publish folder, else beside
    /// the assembly. Missing files make /console a 404, never a host that does not start.
    /// </summary>
    private static IFileProvider ConsoleFiles(WebApplication app)
    {
        string[] candidates =
        [
            Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "console"),
            Path.Combine(AppContext.BaseDirectory, "wwwroot", "console"),
        ];
        if (candidates.FirstOrDefault(Directory.Exists) is { } folder)
            return new PhysicalFileProvider(folder);
        app.Logger.LogWarning("The staff console's files were not found ({Folders}); /console is unavailable", string.Join(", ", candidates));
        return new NullFileProvider();
    }
}
