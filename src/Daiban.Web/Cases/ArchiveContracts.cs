using System.Text.Json;
using Daiban.Core.Cases;

namespace Daiban.Web.Cases;

/// <summary>
/// The electronic archive: its content as compiled (camelCase, even for an archive stored before it was), its
/// SHA-256 over the stored content, and whether the stored content still matches it.
/// </summary>
public sealed record ArchiveResponse(long CaseId, DateTimeOffset CompiledAt, string CompiledBy, string ContentHash,
    bool Intact, JsonElement Content)
{
    public static ArchiveResponse From(CaseArchive a) =>
        new(a.CaseId, a.CompiledAt, a.CompiledBy, a.ContentHash, CaseArchiving.IsIntact(a),
            JsonDocument.Parse(CaseArchiving.Content(a)).RootElement.Clone());

    /// <summary>What the enterprise reads: its own view of the archive, never the staff's internal notes.</summary>
    public static ArchiveResponse ForEnterprise(CaseArchive a)
    {
        var (json, hash, intact) = CaseArchiving.ForEnterprise(a);
        return new(a.CaseId, a.CompiledAt, a.CompiledBy, hash, intact, JsonDocument.Parse(json).RootElement.Clone());
    }
}
