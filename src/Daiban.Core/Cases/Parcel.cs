namespace Daiban.Core.Cases;

public enum ParcelDirection
{
    /// <summary>The enterprise's application materials, mailed to the agent.</summary>
    ToService,
    /// <summary>Originals (or other papers) mailed back to the enterprise. Results go by <see cref="Delivery"/>.</summary>
    ToEnterprise,
}

public static class ParcelDirections
{
    public static string Name(this ParcelDirection direction) => direction switch
    {
        ParcelDirection.ToService => "企业寄给代办员",
        ParcelDirection.ToEnterprise => "代办员寄回企业",
        _ => direction.ToString(),
    };
}

/// <summary>
/// A free mailing of paper materials (二.4(1) 双向免费邮寄申请材料): sent by one side with its carrier and tracking
/// number, confirmed by the other on arrival. The tracking number identifies it, so a retried submission records one.
/// </summary>
public sealed class Parcel
{
    private Parcel() { }

    internal Parcel(ParcelDirection direction, string contents, string carrier, string trackingNumber, string sentBy, DateTimeOffset at)
    {
        Direction = direction;
        Contents = contents;
        Carrier = carrier;
        TrackingNumber = trackingNumber;
        SentBy = sentBy;
        SentAt = at;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public ParcelDirection Direction { get; private set; }
    public string Contents { get; private set; } = "";
    public string Carrier { get; private set; } = "";
    public string TrackingNumber { get; private set; } = "";
    public string SentBy { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }
    public string? ReceivedBy { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }

    internal bool ConfirmReceived(string by, DateTimeOffset at)
    {
        if (ReceivedAt is not null)
            return false;
        ReceivedBy = by;
        ReceivedAt = at;
        return true;
    }
}
