using System.Text.Json.Nodes;

namespace Daiban.WeChat.Emulator;

/// <summary>
/// The mini-program's pages as its app.json lists them (main package and subpackages), so the emulator can refuse a
/// page the mini-program does not have, as WeChat does (41030).
/// </summary>
public static class MiniProgramAppJson
{
    /// <summary>
    /// The configured file, else the copy built next to the assemblies (it works from a publish folder too), else the
    /// first miniprogram/app.json above the working or base directory (a checkout). Null when there is none.
    /// </summary>
    public static string? Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        var copied = Path.Combine(AppContext.BaseDirectory, "miniprogram", "app.json");
        if (File.Exists(copied))
            return copied;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "miniprogram", "app.json");
                if (File.Exists(candidate))
                    return candidate;
            }
        return null;
    }

    public static IReadOnlySet<string> Pages(string path)
    {
        var app = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
                  ?? throw new InvalidDataException($"{path} is empty");
        var pages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in app["pages"]?.AsArray() ?? [])
            pages.Add(page!.GetValue<string>());
        foreach (var package in (app["subpackages"] ?? app["subPackages"])?.AsArray() ?? [])
        {
            var root = package!["root"]!.GetValue<string>().TrimEnd('/');
            foreach (var page in package["pages"]?.AsArray() ?? [])
                pages.Add($"{root}/{page!.GetValue<string>()}");
        }
        return pages;
    }
}
