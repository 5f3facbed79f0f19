namespace Daiban.Core.Cases;

/// <summary>
/// The complete electronic archive of a case (P13): plan, log, materials register, items and results, delivery,
/// evaluation. Written once; its SHA-256 proves it was not changed afterwards. It keeps two views: the full one for
/// staff (the one <see cref="ContentHash"/> covers, as before) and the enterprise's, compiled at the same moment from
/// what is meant for it only, with its own hash.
/// </summary>
public sealed class CaseArchive
{
    private CaseArchive() { }

    internal CaseArchive(long caseId, string contentJson, string contentHash, string enterpriseContentJson,
        string enterpriseContentHash,
        string compiledBy, DateTimeOffset at)
    {
        CaseId = caseId;
        ContentJson = contentJson;
        ContentHash = contentHash;
        EnterpriseContentJson = enterpriseContentJson;
        EnterpriseContentHash = enterpriseContentHash;
        CompiledBy = compiledBy;
        CompiledAt = at;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public string ContentJson { get; private set; } = "";
    public string ContentHash { get; private set; } = "";
    /// <summary>Null only for archives compiled before the enterprise had its own view.</summary>
    public string? EnterpriseContentJson { get; private set; }
    public string? EnterpriseContentHash { get; private set; }
    public string CompiledBy { get; private set; } = "";
    public DateTimeOffset CompiledAt { get; private set; }
}
