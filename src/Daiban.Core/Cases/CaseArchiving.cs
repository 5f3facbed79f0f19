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
}
