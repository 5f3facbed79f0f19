using System.Net;
using System.Text.RegularExpressions;
using Daiban.Web.Platform;
using Daiban.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Platform;

/// <summary>
/// The console is native ES modules with no build step: every module index.html reaches must be served as script
/// under the console's policy, and every file must reach the build output, where a publish folder's host finds it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class ConsoleHostingTests(EmbeddedApp app)
{
    [GeneratedRegex("""<script[^>]*\ssrc="([^"]+)"[^>]*>""")]
    private static partial Regex ScriptSource();

    // Static imports only (`import … from '…'`, `import '…'`): the console loads nothing dynamically.
    [GeneratedRegex("""^\s*import\s+(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]""", RegexOptions.Multiline)]
    private static partial Regex ModuleImport();

    [Fact]
    public async Task EveryScriptTheConsoleLoads_IsServedAsJavaScript_UnderTheConsolePolicy_AndNoModuleIsLeftOut()
    {
        var client = app.CreateClient();
        var index = new Uri("http://localhost/console/");
        var html = await client.GetStringAsync(index);
        var pending = new Queue<Uri>(ScriptSource().Matches(html).Select(m => new Uri(index, m.Groups[1].Value)));
        var reached = new HashSet<string>();

        while (pending.TryDequeue(out var script))
        {
            if (!reached.Add(script.AbsolutePath))
                continue;
            var response = await client.GetAsync(script);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{script.AbsolutePath}: {response.StatusCode}");
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Equal(SecurityHeaders.ConsolePolicy, policy);
            foreach (Match import in ModuleImport().Matches(await response.Content.ReadAsStringAsync()))
                pending.Enqueue(new Uri(script, import.Groups[1].Value));
        }

        var folder = ConsoleSourceFolder();
        var modules = Directory.EnumerateFiles(Path.Combine(folder, "js"), "*.js", SearchOption.AllDirectories)
            .Select(f => "/console/" + Path.GetRelativePath(folder, f).Replace('\\', '/'));
        Assert.Contains("/console/vendor/chart.umd.min.js", reached);
        Assert.Contains("/console/js/main.js", reached);
        Assert.All(modules, m => Assert.Contains(m, reached));
    }

    /// <summary>
    /// The csproj copies wwwroot beside the assembly (and so into every project referencing the host, this one
    /// included): a file left out there is missing when the host runs from a publish folder elsewhere.
    /// </summary>
    [Fact]
    public void EveryConsoleFile_IsCopiedToTheBuildOutput()
    {
        var source = ConsoleSourceFolder();
        var output = Path.Combine(AppContext.BaseDirectory, "wwwroot", "console");

        var files = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source, f)).ToList();

        Assert.Contains(Path.Combine("js", "main.js"), files);
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(output, f)), $"{f} is not in {output}"));
    }

    private string ConsoleSourceFolder() =>
        Path.Combine(app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath, "console");
}
