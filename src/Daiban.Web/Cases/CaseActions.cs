using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Cases;

/// <summary>A case loaded for change, with who acts on it.</summary>
public readonly record struct CaseActor(Case Case, Actor Actor);

/// <summary>Loads a case for change if the caller may act on it; null: for them it does not exist (404).</summary>
public delegate Task<CaseActor?> CaseAccess(RequestContext x, long id);

/// <summary>
/// The one shape of a case action on every side (enterprise, window, agent): load the aggregate, let the side's
/// access rule decide who acts, run the domain method, save once, answer with the side's view of the case. The
/// domain method records its events; that one save turns them into notices.
/// </summary>
public static class CaseActions
{
    /// <summary>The case's own agent or an admin (StaffPowers.WorksCase); to other staff it does not exist.</summary>
    public static readonly CaseAccess Agent = async (x, id) =>
        await x.Db.Cases.FindAggregateAsync(id, x.Cancellation) is { } c && x.User.WorksCase(c.AgentId)
            ? new CaseActor(c, x.User.StaffActor())
            : null;

    /// <summary>The window: its policy on the route is the whole rule, any case may be closed.</summary>
    public static readonly CaseAccess Window = async (x, id) =>
        await x.Db.Cases.FindAggregateAsync(id, x.Cancellation) is { } c ? new CaseActor(c, x.User.StaffActor()) : null;

    /// <summary>A confirmed contact of the case's enterprise (EnterpriseAccess); others get 404.</summary>
    public static readonly CaseAccess Contact = (x, id) => ContactAsync(x, id, applicantMay: false);

    /// <summary>As <see cref="Contact"/>, and the case's own applicant even before its binding is confirmed.</summary>
    public static readonly CaseAccess ContactOrApplicant = (x, id) => ContactAsync(x, id, applicantMay: true);

    public static Task<Results<Ok<TView>, NotFound>> ActAsync<TView>(this RequestContext x, long id,
        CaseAccess access, Action<CaseActor> act, Func<Case, TView> view) =>
        x.ActAsync(id, access, a =>
        {
            act(a);
            return Task.CompletedTask;
        }, view);

    public static Task<Results<Ok<TView>, NotFound>> ActAsync<TView>(this RequestContext x, long id,
        CaseAccess access, Func<CaseActor, Task> act, Func<Case, TView> view) =>
        x.ActThenReadAsync(id, access, act, c => Task.FromResult(view(c)));

    /// <summary>As ActAsync, with a view that reads more than the aggregate (the enterprise's, for one).</summary>
    public static async Task<Results<Ok<TView>, NotFound>> ActThenReadAsync<TView>(this RequestContext x, long id,
        CaseAccess access, Func<CaseActor, Task> act, Func<Case, Task<TView>> view)
    {
        if (await access(x, id) is not { } found)
            return TypedResults.NotFound();
        await act(found);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(await view(found.Case));
    }

    /// <summary>A staff action answered with the staff view of the case.</summary>
    public static Task<Results<Ok<CaseResponse>, NotFound>> ActAsync(this RequestContext x, long id,
        CaseAccess access, Action<CaseActor> act) => x.ActAsync(id, access, a =>
        {
            act(a);
            return Task.CompletedTask;
        });

    /// <summary>A staff action that awaits a service, answered with the staff view of the case.</summary>
    public static Task<Results<Ok<CaseResponse>, NotFound>> ActAsync(this RequestContext x, long id,
        CaseAccess access, Func<CaseActor, Task> act) =>
        x.ActThenReadAsync(id, access, act, c => CaseResponse.ReadAsync(x.Db, c, x.Cancellation));

    private static async Task<CaseActor?> ContactAsync(RequestContext x, long id, bool applicantMay)
    {
        if (await FindVisibleAsync(x, id, tracked: true) is not { } found)
            return null;
        var (c, contact) = found;
        if (!contact.CanActForEnterprise && !(applicantMay && c.ApplicantContactId == contact.Id))
            throw new DomainRuleException("contact.not_confirmed",
                "您与该企业的绑定尚未确认，暂不能办理此操作，请联系综合窗口。");
        return new CaseActor(c, Actor.Contact(contact.Id, contact.Name));
    }

    /// <summary>
    /// The case if this mini-program user may see it (EnterpriseAccess), with the contact it acts as; null means 404.
    /// </summary>
    public static async Task<(Case Case, EnterpriseContact Contact)?> FindVisibleAsync(
        RequestContext x, long id, bool tracked)
    {
        var contacts = await EnterpriseAccess.ContactsOfAsync(x.Db, x.User.OpenId(), x.Cancellation);
        var query = tracked ? x.Db.Cases : x.Db.Cases.AsNoTracking();
        if (!await query.VisibleCases(contacts).AnyAsync(c => c.Id == id, x.Cancellation))
            return null;
        var c = await query.LoadAggregate(id, x.Cancellation);
        var contact = contacts.FirstOrDefault(k => k.EnterpriseId == c.EnterpriseId && k.CanActForEnterprise)
                      ?? contacts.First(k => k.Id == c.ApplicantContactId);
        return (c, contact);
    }
}
