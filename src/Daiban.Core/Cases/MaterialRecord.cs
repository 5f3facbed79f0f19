namespace Daiban.Core.Cases;

public enum MaterialReview
{
    Pending,
    /// <summary>形式审查 passed.</summary>
    Passed,
    /// <summary>Needs correction or completion by the enterprise.</summary>
    NeedsCorrection,
}

public static class MaterialReviews
{
    public static string Name(this MaterialReview review) => review switch
    {
        MaterialReview.Pending => "待审查",
        MaterialReview.Passed => "通过",
        MaterialReview.NeedsCorrection => "需补正",
        _ => review.ToString(),
    };
}

/// <summary>A material the agent received: its 形式审查, forwarding to a department, and the return of originals.</summary>
public sealed class MaterialRecord
{
    private MaterialRecord() { }

    internal MaterialRecord(string name, string? itemCode, int copies, bool isOriginal, string? fileReference, string receivedBy, DateTimeOffset at)
    {
        Name = name;
        ItemCode = itemCode;
        Copies = copies;
        IsOriginal = isOriginal;
        FileReference = fileReference;
        ReceivedBy = receivedBy;
        ReceivedAt = at;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public string Name { get; private set; } = "";
    public string? ItemCode { get; private set; }
    public int Copies { get; private set; }
    public bool IsOriginal { get; private set; }
    /// <summary>Where an uploaded file is kept (a storage key, never a public URL).</summary>
    public string? FileReference { get; private set; }
    public string ReceivedBy { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public MaterialReview Review { get; private set; } = MaterialReview.Pending;
    public string? ReviewNote { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ForwardedToDepartment { get; private set; }
    public DateTimeOffset? ForwardedAt { get; private set; }
    public DateTimeOffset? OriginalReturnedAt { get; private set; }

    internal bool RecordReview(MaterialReview result, string? note, DateTimeOffset at)
    {
        if (Review == result && ReviewNote == note)
            return false;
        Review = result;
        ReviewNote = note;
        ReviewedAt = at;
        return true;
    }

    internal bool Forward(string departmentCode, DateTimeOffset at)
    {
        if (ForwardedToDepartment == departmentCode)
            return false;
        ForwardedToDepartment = departmentCode;
        ForwardedAt = at;
        return true;
    }

    internal bool ReturnOriginal(DateTimeOffset at)
    {
        if (OriginalReturnedAt is not null)
            return false;
        OriginalReturnedAt = at;
        return true;
    }
}
