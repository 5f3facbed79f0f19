namespace Daiban.Core.Cases;

/// <summary>
/// The complete electronic archive of a case (P13): plan, log, materials register, items and results, delivery,
/// evaluation. Written once; its SHA-256 proves it was not changed afterwards.
/// </summary>
public sealed class CaseArchive
{
    private CaseArchive() { }

    internal CaseArchive(long caseId, string contentJson, string contentHash, string compiledBy, DateTimeOffset at)
    {
        CaseId = caseId;
        ContentJson = contentJson;
        ContentHash = contentHash;
        CompiledBy = compiledBy;
        CompiledAt = at;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public string ContentJson { get; private set; } = "";
    public string ContentHash { get; private set; } = "";
    public string CompiledBy { get; private set; } = "";
    public DateTimeOffset CompiledAt { get; private set; }
}
