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
    /// The enterprise's view and whether it is unchanged. An archive compiled before the enterprise had its own view
    /// is cut down to the parts that never held internal notes (the log, transitions, assignments, items and
    /// materials are left out) and vouched for by the full content's hash.
    /// </summary>
    public static (string Json, string Hash, bool Intact) ForEnterprise(CaseArchive archive)
    {
        if (archive.EnterpriseContentJson is { } json && archive.EnterpriseContentHash is { } hash)
            return (json, hash, CaseArchiveCompiler.Hash(json) == hash);
        var full = System.Text.Json.Nodes.JsonNode.Parse(archive.ContentJson)!.AsObject();
        var kept = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in full)
            if (LegacyEnterpriseParts.Contains(key))
                kept[key] = value?.DeepClone();
        return (kept.ToJsonString(), archive.ContentHash, IsIntact(archive));
    }

    private static readonly HashSet<string> LegacyEnterpriseParts =
    [
        "CaseNumber", "Mode", "ScopeStages", "Enterprise", "Project", "SubmittedAt", "RegisteredAt", "Plans",
            "Parcels", "Delivery", "Evaluation",
        "CompiledBy", "CompiledAt",
    ];
}
