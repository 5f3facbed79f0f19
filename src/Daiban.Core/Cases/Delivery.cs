namespace Daiban.Core.Cases;

public enum DeliveryMethod
{
    /// <summary>当面递交: the client signs the 办结单.</summary>
    InPerson,
    /// <summary>邮寄送达: free mailing, ends when the applicant confirms receipt.</summary>
    Mail,
}

public static class DeliveryMethods
{
    public static string Name(this DeliveryMethod method) => method switch
    {
        DeliveryMethod.InPerson => "当面送达",
        DeliveryMethod.Mail => "邮寄送达",
        _ => method.ToString(),
    };
}

/// <summary>统一送达 of approvals, certificates and returned originals. The service ends at the signed receipt.</summary>
public sealed class Delivery
{
    private Delivery() { }

    private Delivery(DeliveryMethod method, string documents, string recordedBy, DateTimeOffset at)
    {
        Method = method;
        Documents = documents;
        RecordedBy = recordedBy;
        RecordedAt = at;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public DeliveryMethod Method { get; private set; }
    /// <summary>批文、证件及有关资料 handed over, as listed on the 办结单.</summary>
    public string Documents { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public DateTimeOffset? MailedAt { get; private set; }
    public string? SignedByName { get; private set; }
    /// <summary>Storage key of the captured signature or the uploaded signed scan.</summary>
    public string? SignatureReference { get; private set; }
    public DateTimeOffset? ReceiptConfirmedAt { get; private set; }
    public long? ConfirmedByContactId { get; private set; }

    public bool IsReceiptSigned => ReceiptConfirmedAt is not null;

    internal static Delivery InPerson(string documents, string signedBy, string? signatureReference, string recordedBy, DateTimeOffset at) =>
        new(DeliveryMethod.InPerson, documents, recordedBy, at)
        {
            SignedByName = signedBy,
            SignatureReference = signatureReference,
            ReceiptConfirmedAt = at,
        };

    internal static Delivery ByMail(string documents, string carrier, string trackingNumber, string recordedBy, DateTimeOffset at) =>
        new(DeliveryMethod.Mail, documents, recordedBy, at)
        {
            Carrier = carrier,
            TrackingNumber = trackingNumber,
            MailedAt = at,
        };

    internal void ConfirmReceipt(long? contactId, string signedBy, string? signatureReference, DateTimeOffset at)
    {
        ConfirmedByContactId = contactId;
        SignedByName = signedBy;
        SignatureReference = signatureReference;
        ReceiptConfirmedAt = at;
    }
}
