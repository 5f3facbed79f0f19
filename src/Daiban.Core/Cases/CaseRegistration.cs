using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Cases;

/// <summary>
/// What an application asks for, whichever door it comes through. <paramref name="LeftToAgent"/>: the enterprise
/// does not know which approvals its project needs (不清楚) and leaves them to its agent to settle with it.
/// </summary>
public sealed record ApplicationScope(ServiceMode? Mode, IReadOnlyCollection<Stage> Stages,
    IReadOnlyCollection<string> ItemCodes, string? Request, bool LeftToAgent = false);

/// <summary>What the window records for an enterprise that comes in person (五.1, 六.1 集中受理).</summary>
public sealed record WalkInApplication(
    string EnterpriseName,
    string CreditCode,
    string ContactName,
    string? ContactPhone,
    ProjectFacts Project,
    ApplicationScope Scope,
    string? IdempotencyKey);

/// <summary>
/// How applications enter the service (集中受理): online from a bound contact, or at the window, where the
/// enterprise, its contact (confirmed by the window in person), the project form and the case are recorded and
/// registered in one step. Registering an online application does not confirm its applicant. A repeated request
/// with the same idempotency key — a retry or a double tap, even two racing — yields the one case it created.
/// </summary>
public sealed class CaseRegistration(DaibanDbContext db, TimeProvider clock)
{
    public async Task<Case> RegisterWalkInAsync(WalkInApplication application, Actor clerk, CancellationToken ct)
    {
        var code = UnifiedSocialCreditCode.Parse(application.CreditCode);
        var now = clock.GetUtcNow();
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleOrDefaultAsync(e => e.CreditCode == code, ct)
                         ?? db.Enterprises.Add(new Enterprise(application.EnterpriseName, code, now)).Entity;
        var contact = enterprise.Contacts.FirstOrDefault(c => c.Name == application.ContactName?.Trim() && c.Phone == application.ContactPhone?.Trim())
                      ?? enterprise.AddContact(application.ContactName ?? "", application.ContactPhone, null, now);
        // The window has seen the person and the business licence: recorded as such, with the clerk.
        if (contact.Id == 0)
            ContactConfirmation.ConfirmNewAtWindow(db, contact, clerk, "窗口现场受理时当面核验", now);
        else
            await ContactConfirmation.ConfirmAsync(db, contact, clerk, ContactEvidence.InPersonAtWindow, "窗口现场受理时当面核验",
                now, ct);

        // One save (one transaction): a walk-in refused for its project or scope leaves no enterprise or contact behind.
        var (@case, _) = await SubmitAsync(contact, application.Project, application.Scope, ApplicationChannel.WalkIn, application.IdempotencyKey, clerk,
            (c, project) =>
            {
                // The window fills in the 项目信息采集表 with the enterprise: recorded with who and when.
                project.RecordCollection(application.Project, clerk, now);
                c.Register(clerk, now, "窗口现场受理");
            }, ct);
        return @case;
    }

    /// <summary>An application from the mini-program; <c>Created</c> is false when the idempotency key found an earlier one.</summary>
    public Task<(Case Case, bool Created)> ApplyOnlineAsync(EnterpriseContact contact, ProjectFacts project, ApplicationScope scope, string? idempotencyKey,
        CancellationToken ct) =>
        SubmitAsync(contact, project, scope, ApplicationChannel.Online, idempotencyKey, Actor.Contact(contact.Id, contact.Name), null, ct);

    /// <summary>
    /// The window registers an online application. That says nothing about who the applicant is: its contact stays
    /// as it was (pending until the window confirms it on evidence, see <see cref="ContactConfirmation"/>).
    /// </summary>
    public async Task<bool> RegisterOnlineAsync(Case @case, Actor clerk, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return @case.Register(clerk, now, "综合窗口登记");
    }

    private async Task<(Case Case, bool Created)> SubmitAsync(EnterpriseContact contact, ProjectFacts facts, ApplicationScope scope, ApplicationChannel channel,
        string? idempotencyKey, Actor by, Action<Case, Project>? beforeSave, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is not null && contact.Id != 0 && await db.Cases.FindByIdempotencyKeyAsync(contact.Id, key, ct) is { } existing)
            return (await ReplayedAsync(existing, facts, scope, ct), false);
        var mode = scope.Mode ?? throw DomainRuleException.Invalid("case.mode_required", "请选择服务方式：帮办、代办或包办。");
        var now = clock.GetUtcNow();
        var project = Project.For(contact, facts, now);
        var catalog = await db.ApprovalItems.Include(i => i.Materials).ToListAsync(ct);
        var items = ScopeResolver.Resolve(catalog, project.Category, scope.Stages, scope.ItemCodes);
        // Nothing is saved before every check has passed: the project, the case and (at a walk-in) the enterprise and
        // contact are stored by the one save below, their ids flowing through the navigations.
        var @case = Case.Submit(contact.EnterpriseId, project.Id, contact.Id, mode, channel, scope.Stages, items,
            scope.Request, key, by, now, scope.LeftToAgent);
        @case.SubmittedWith(project, contact);
        beforeSave?.Invoke(@case, project);
        db.Projects.Add(project);
        db.Cases.Add(@case);
        try
        {
            await db.SaveChangesAsync(ct);
            return (@case, true);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // A double tap raced this request and won: answer with the case it created.
            db.ChangeTracker.Clear();
            var winner = await db.Cases.FindByIdempotencyKeyAsync(contact.Id, key, ct)
                         ?? throw new InvalidOperationException("Lost the idempotency race without a winner.");
            return (await ReplayedAsync(winner, facts, scope, ct), false);
        }
    }

    /// <summary>
    /// A key names one application: a retry answers with its case, but the same key with another application (a
    /// client bug, or a reused key) must not silently return a case the user did not ask for.
    /// </summary>
    private async Task<Case> ReplayedAsync(Case existing, ProjectFacts facts, ApplicationScope scope, CancellationToken ct)
    {
        var projectName = await db.Projects.Where(p => p.Id == existing.ProjectId).Select(p => p.Name).SingleAsync(ct);
        if (!existing.IsSameApplication(projectName, facts.Name, scope))
            throw DomainRuleException.Invalid("case.idempotency_key_reused",
                "该幂等键已用于另一份申请：新的申请请重新提交，不要沿用上一次的幂等键。");
        return existing;
    }
}
