using System.Text.Json;
using System.Text.Json.Nodes;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Cases;

/// <summary>Closes a delivered (or evaluated) case into its archive, once: a second call returns the archive it made.</summary>
public sealed class CaseArchiving(DaibanDbContext db, TimeProvider clock)
{
    public async Task<CaseArchive> ArchiveAsync(Case @case, Actor by, CancellationToken ct)
    {
        if (await db.CaseArchives.SingleOrDefaultAsync(a => a.CaseId == @case.Id, ct) is { } existing)
            return existing;
        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == @case.EnterpriseId, ct);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == @case.ProjectId, ct);
        var now = clock.GetUtcNow();
        var archive = CaseArchiveCompiler.Compile(@case, enterprise, project, by, now);
        @case.Archive(archive, by, now);
        db.CaseArchives.Add(archive);
        return archive;
    }

    /// <summary>Reads an archive back and proves it unchanged: the stored hash must match the stored content.</summary>
    public static bool IsIntact(CaseArchive archive) => CaseArchiveCompiler.Hash(archive.ContentJson) == archive.ContentHash;

    /// <summary>
    /// The archive's content as it is served: camelCase like the rest of the API. The stored bytes are never
    /// rewritten (the archive is immutable and its hash covers exactly them), so an archive stored before the
    /// content was camelCase is recognised by its PascalCase root and its property names are camelCased on the way
    /// out; values are untouched. <see cref="IsIntact"/> still checks the stored bytes.
    /// </summary>
    public static string Content(CaseArchive archive) => Served(archive.ContentJson);

    /// <summary>
    /// The enterprise's view, served camelCase, and whether it is unchanged. An archive compiled before the
    /// enterprise had its own view is cut down to the parts that never held internal notes (the log, transitions,
    /// assignments, items and materials are left out) and vouched for by the full content's hash.
    /// </summary>
    public static (string Json, string Hash, bool Intact) ForEnterprise(CaseArchive archive)
    {
        if (archive.EnterpriseContentJson is { } json && archive.EnterpriseContentHash is { } hash)
            return (Served(json), hash, CaseArchiveCompiler.Hash(json) == hash);
        var full = JsonNode.Parse(Content(archive))!.AsObject();
        var kept = new JsonObject();
        foreach (var (key, value) in full)
            if (LegacyEnterpriseParts.Contains(key))
                kept[key] = value?.DeepClone();
        return (kept.ToJsonString(CaseArchiveCompiler.Json), archive.ContentHash, IsIntact(archive));
    }

    private static readonly HashSet<string> LegacyEnterpriseParts =
    [
        "caseNumber", "mode", "scopeStages", "enterprise", "project", "submittedAt", "registeredAt", "plans",
            "parcels", "delivery", "evaluation",
        "compiledBy", "compiledAt",
    ];

    // Every archive has a case number at its root; only the old ones spell it this way.
    private static string Served(string stored)
    {
        var root = JsonNode.Parse(stored);
        return root is JsonObject o && o.ContainsKey("CaseNumber")
            ? CamelCased(root)!.ToJsonString(CaseArchiveCompiler.Json)
            : stored;
    }

    /// <summary>The same document with camelCase property names, as the compiler writes them now.</summary>
    private static JsonNode? CamelCased(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p =>
            KeyValuePair.Create(JsonNamingPolicy.CamelCase.ConvertName(p.Key), CamelCased(p.Value)))),
        JsonArray a => new JsonArray(a.Select(CamelCased).ToArray()),
        _ => node?.DeepClone(),
    };
}
