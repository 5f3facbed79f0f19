using System.ComponentModel.DataAnnotations;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Web.Cases;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Enterprises;

public sealed record ContactApplication(long CaseId, string CaseNumber, string ProjectName, string StatusName,
    DateTimeOffset SubmittedAt);

public sealed record ConfirmedColleague(long Id, string Name, string Phone, DateTimeOffset? ConfirmedAt,
    string? Evidence);

/// <summary>
/// What the window checks before it lets a person act for an enterprise: the name, the phone (and whether WeChat
/// verified it), the 授权委托书 if uploaded, the enterprise with its legal representative and the contacts it already
/// trusts, and the applications the person filed.
/// </summary>
public sealed record PendingContact(long Id, string Name, string Phone, bool PhoneVerified, DateTimeOffset BoundAt,
    string Status, string StatusName, long EnterpriseId, string EnterpriseName, string CreditCode,
    string? LegalRepresentative, bool HasLetter, DateTimeOffset? LetterUploadedAt, string? LetterUrl,
    IReadOnlyList<ConfirmedColleague> ConfirmedContacts, IReadOnlyList<ContactApplication> Applications);

/// <summary>
/// How the window confirmed: <c>Evidence</c> is AuthorizationLetter, LegalRepresentative or InPersonAtWindow.
/// </summary>
public sealed record ContactConfirmationRequest([property: Required] ContactEvidence? Evidence, string? Note);

public sealed record ContactDecisionResponse(long Id, string Name, string Status, string StatusName,
    string? ConfirmedBy, DateTimeOffset? ConfirmedAt, string? Evidence, string? EvidenceNote, string? ClosingReason);

/// <summary>
/// The window's queue of contacts waiting for confirmation, and its decisions on them (each audited and told to the
/// person).
/// </summary>
public static class StaffContactEndpoints
{
    public static void MapStaffContactEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff/contacts").WithTags("Staff contacts")
            .RequireAuthorization(StaffPolicies.Window);
        g.MapGet("/pending", ListPendingAsync).WithName("PendingContacts").WithSummary("待确认的企业联系人及核验材料");
        g.MapGet("/{id:long}/authorization-letter",
            LetterAsync).WithName("ContactAuthorizationLetter").WithSummary("下载联系人上传的授权委托书");
        g.MapPost("/{id:long}/confirmation", ConfirmAsync).WithName("ConfirmContactByWindow")
            .WithSummary("核验后确认联系人（须选择核验依据：授权委托书、法定代表人确认或窗口当面核验）");
        g.MapPost("/{id:long}/refusal", RefuseAsync)
            .WithName("RefuseContact").WithSummary("不予确认联系人（须说明原因，本人收到通知）");
        g.MapPost("/{id:long}/revocation", RevokeAsync)
            .WithName("RevokeContactByWindow").WithSummary("取消联系人代表企业办理的权限（须说明原因）");
    }

    internal static async Task<Ok<List<PendingContact>>> ListPendingAsync([AsParameters] RequestContext x)
    {
        var (db, ct) = (x.Db, x.Cancellation);
        var pending = await db.EnterpriseContacts.AsNoTracking().Include(c => c.Enterprise)
            .Where(c => c.Status == ContactStatus.Pending).OrderBy(c => c.Id).Take(200).ToListAsync(ct);
        var enterpriseIds = pending.Select(c => c.EnterpriseId).Distinct().ToList();
        var contactIds = pending.Select(c => c.Id).ToList();
        var confirmed = await db.EnterpriseContacts.AsNoTracking()
            .Where(c => enterpriseIds.Contains(c.EnterpriseId) && c.Status == ContactStatus.Confirmed)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var applications = await db.Cases.AsNoTracking()
            .Where(c => c.ApplicantContactId != null && contactIds.Contains(c.ApplicantContactId.Value))
            .Join(db.Projects, c => c.ProjectId, p => p.Id, (c, p) => new { c.Id, c.ApplicantContactId, c.CaseNumber,
                p.Name, c.Status, c.SubmittedAt })
            .OrderBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(pending.Select(c => new PendingContact(c.Id, c.Name, PersonalData.MaskPhone(c.Phone),
            c.PhoneVerified, c.CreatedAt,
            c.Status.ToString(), c.Status.Name(), c.EnterpriseId, c.Enterprise.Name, c.Enterprise.CreditCode.Value,
                c.Enterprise.LegalRepresentative,
            c.AuthorizationLetter is not null, c.AuthorizationLetterAt,
            c.AuthorizationLetter is null ? null : $"/api/staff/contacts/{c.Id}/authorization-letter",
            confirmed.Where(o => o.EnterpriseId == c.EnterpriseId)
                .Select(o => new ConfirmedColleague(o.Id, o.Name, PersonalData.MaskPhone(o.Phone), o.ConfirmedAt,
                    o.Evidence?.Name())).ToList(),
            applications.Where(a => a.ApplicantContactId == c.Id)
                .Select(a => new ContactApplication(a.Id, a.CaseNumber, a.Name, a.Status.Name(),
                    a.SubmittedAt)).ToList())).ToList());
    }

    internal static async Task<Results<PhysicalFileHttpResult, NotFound>> LetterAsync(long id, MaterialFiles files,
        [AsParameters] RequestContext x)
    {
        var contact = await x.Db.EnterpriseContacts.AsNoTracking().Include(c => c.Enterprise)
            .SingleOrDefaultAsync(c => c.Id == id, x.Cancellation);
        if (files.Find(contact?.AuthorizationLetter) is not { } stored)
            return TypedResults.NotFound();
        // Always a download, never rendered inline in our origin.
        return TypedResults.PhysicalFile(stored.Path, stored.ContentType,
            $"授权委托书-{contact!.Enterprise.Name}-{contact.Name}{Path.GetExtension(stored.Path)}");
    }

    internal static Task<Results<Ok<ContactDecisionResponse>, NotFound>> ConfirmAsync(long id,
        ContactConfirmationRequest r, [AsParameters] RequestContext x)
    {
        // A colleague's word is given through the mini-program by the colleague itself, never recorded by the window.
        if (r.Evidence is not { } evidence || evidence == ContactEvidence.Colleague || !Enum.IsDefined(evidence))
            throw DomainRuleException.Invalid("contact.evidence_required",
                "请选择核验依据：授权委托书、法定代表人确认或窗口当面核验。");
        return DecideAsync(id, x, c => ContactConfirmation.ConfirmAsync(x.Db, c, x.User.StaffActor(), evidence,
            r.Note, x.Now, x.Cancellation));
    }

    internal static Task<Results<Ok<ContactDecisionResponse>, NotFound>> RefuseAsync(long id, ClosingRequest r,
        [AsParameters] RequestContext x) =>
        DecideAsync(id, x, c => ContactConfirmation.RefuseAsync(x.Db, c, x.User.StaffActor(), r.Reason, x.Now,
            x.Cancellation));

    internal static Task<Results<Ok<ContactDecisionResponse>, NotFound>> RevokeAsync(long id, ClosingRequest r,
        [AsParameters] RequestContext x) =>
        DecideAsync(id, x, c => ContactConfirmation.RevokeByWindowAsync(x.Db, c, x.User.StaffActor(), r.Reason,
            x.Now, x.Cancellation));

    private static async Task<Results<Ok<ContactDecisionResponse>, NotFound>> DecideAsync(long id, RequestContext x,
        Func<EnterpriseContact, Task> decide)
    {
        var contact = await x.Db.EnterpriseContacts.Include(c => c.Enterprise)
            .SingleOrDefaultAsync(c => c.Id == id, x.Cancellation);
        if (contact is null)
            return TypedResults.NotFound();
        await decide(contact);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(new ContactDecisionResponse(contact.Id, contact.Name, contact.Status.ToString(),
            contact.Status.Name(), contact.ConfirmedBy, contact.ConfirmedAt, contact.Evidence?.Name(),
            contact.EvidenceNote, contact.ClosingReason));
    }
}
