using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Cases;

/// <summary>What the window records for an enterprise that comes in person (五.1, 六.1 集中受理).</summary>
public sealed record WalkInApplication(
    string EnterpriseName,
    string CreditCode,
    string ContactName,
    string? ContactPhone,
    ProjectFacts Project,
    ServiceMode Mode,
    IReadOnlyCollection<Stage> Stages,
    IReadOnlyCollection<string> ItemCodes,
    string? Request,
    string? IdempotencyKey);

/// <summary>
/// Registers a walk-in application in one step: the enterprise (found by its credit code or created), its contact
/// confirmed by the window, the project's collection form, the case in the requested scope, submitted and registered.
/// A repeated request with the same idempotency key returns the case it created.
/// </summary>
public sealed class WalkInRegistration(DaibanDbContext db, TimeProvider clock)
{
    public async Task<Case> RegisterAsync(WalkInApplication application, Actor clerk, CancellationToken ct)
    {
        var code = UnifiedSocialCreditCode.Parse(application.CreditCode);
        var now = clock.GetUtcNow();
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleOrDefaultAsync(e => e.CreditCode == code, ct)
                         ?? db.Enterprises.Add(new Enterprise(application.EnterpriseName, code, now)).Entity;
        var contact = enterprise.Contacts.FirstOrDefault(c => c.Name == application.ContactName?.Trim() && c.Phone == application.ContactPhone?.Trim())
                      ?? enterprise.AddContact(application.ContactName ?? "", application.ContactPhone, null, now);
        // The window has seen the person and the business licence: this is the confirmation the policy asks for.
        contact.Confirm(clerk, now);
        await db.SaveChangesAsync(ct);

        if (application.IdempotencyKey is { Length: > 0 } key)
        {
            if (await db.Cases.FindByIdempotencyKeyAsync(contact.Id, key, ct) is { } existing)
                return existing;
        }

        var project = new Project(enterprise.Id, application.Project, now);
        project.RecordCollection(application.Project, clerk, now);
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);

        var catalog = await db.ApprovalItems.Include(i => i.Materials).ToListAsync(ct);
        var scope = ScopeResolver.Resolve(catalog, project.Category, application.Stages, application.ItemCodes);
        var @case = Case.Submit(enterprise.Id, project.Id, contact.Id, application.Mode, ApplicationChannel.WalkIn,
            application.Stages, scope, application.Request, application.IdempotencyKey, clerk, now);
        @case.Register(clerk, now, "窗口现场受理");
        db.Cases.Add(@case);
        await db.SaveChangesAsync(ct);
        return @case;
    }
}
