using System.ComponentModel.DataAnnotations;
using Daiban.Core.Cases;

namespace Daiban.Web.Cases;

public sealed record PlanStepRequest(int Order, [property: Required] string? Description, string? ItemCode,
    DateOnly? TargetDate);

public sealed record ProposePlanRequest([property: Required] string? Summary,
    [property: Required] PlanStepRequest[]? Steps);

public sealed record LogRequest([property: Required] string? Content, string? Problems, string? NextStep,
    string? ItemCode, bool Milestone, bool VisibleToEnterprise = true);

public sealed record MaterialsRequest([property: Required] string[]? Missing);

public sealed record ReceiveMaterialRequest([property: Required] string? Name, string? ItemCode, int Copies = 1,
    bool IsOriginal = false);

public sealed record ReviewMaterialRequest([property: Required] MaterialReview Result, string? Note);

public sealed record ForwardMaterialRequest([property: Required] string? DepartmentCode);

/// <summary>One step of an item with a department: the fields each action needs.</summary>
public sealed record ItemActionRequest(DateOnly? On, string? Reference, string? Note, string? ResultDocumentNo,
    PauseReason? Reason);

public sealed record InPersonDeliveryRequest([property: Required] string? Documents,
    [property: Required] string? SignedBy, string? SignatureReference);

public sealed record MailDeliveryRequest([property: Required] string? Documents, [property: Required] string? Carrier,
    [property: Required] string? TrackingNumber);

/// <summary>A free mailing of paper materials: what is in it, the carrier and the tracking number.</summary>
public sealed record ParcelRequest([property: Required] string? Contents, [property: Required] string? Carrier,
    [property: Required] string? TrackingNumber);

public sealed record ParcelResponse(long Id, ParcelDirection Direction, string Contents, string Carrier,
    string TrackingNumber, string SentBy, DateTimeOffset SentAt, string? ReceivedBy, DateTimeOffset? ReceivedAt)
{
    public static List<ParcelResponse> ListOf(Case c) => c.Parcels.OrderBy(p => p.SentAt).ThenBy(p => p.Id)
        .Select(p => new ParcelResponse(p.Id, p.Direction, p.Contents, p.Carrier, p.TrackingNumber, p.SentBy, p.SentAt,
            p.ReceivedBy, p.ReceivedAt)).ToList();
}

public sealed record LogEntryResponse(DateTimeOffset At, string Kind, string ActorName, string? ItemCode,
    string Content, string? Problems, string? NextStep, bool VisibleToEnterprise);

public sealed record MaterialResponse(long Id, string Name, string? ItemCode, int Copies, bool IsOriginal,
    MaterialReview Review, string? ReviewNote, string? ForwardedToDepartment, DateTimeOffset? OriginalReturnedAt);
