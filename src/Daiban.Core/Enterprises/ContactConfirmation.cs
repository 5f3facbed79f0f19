using Daiban.Core.Common;
using Daiban.Core.Persistence;

namespace Daiban.Core.Enterprises;

/// <summary>
/// Every decision about who acts for an enterprise — confirm, refuse, revoke — goes through here, so each one is in
/// the audit trail (who, when, on what evidence) and the person is told in the app. Nothing here saves: the caller
/// commits the change, the audit entry and the notice (the contact's event) together.
/// </summary>
public static class ContactConfirmation
{
    public static Task ConfirmAsync(DaibanDbContext db, EnterpriseContact contact, Actor by,
        ContactEvidence evidence, string? note,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!contact.Confirm(by, evidence, note, now))
            return Task.CompletedTask;
        Audit(db, by, "contact.confirm", contact,
            $"{evidence.Name()}{(contact.EvidenceNote is { } n ? $"：{n}" : "")}", now);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A contact the window records at a walk-in, confirmed there on seeing the person; saved with the case in one
    /// save, so it has no id yet. It is audited like any confirmation but not told in-app: it has no mini-program
    /// identity to read the message, and the person hears it at the window.
    /// </summary>
    public static void ConfirmNewAtWindow(DaibanDbContext db, EnterpriseContact contact, Actor clerk, string? note,
        DateTimeOffset now)
    {
        if (!contact.Confirm(clerk, ContactEvidence.InPersonAtWindow, note, now))
            return;
        db.Audit.Record(clerk, "contact.confirm", contact, c => $"{c.Id}",
            Detail(contact, $"{ContactEvidence.InPersonAtWindow.Name()}{(contact.EvidenceNote is { } n ? $"：{n}" : "")}"), now);
    }

    public static Task ConfirmByColleagueAsync(DaibanDbContext db, EnterpriseContact contact,
        EnterpriseContact colleague, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!contact.ConfirmByColleague(colleague, now))
            return Task.CompletedTask;
        Audit(db, Actor.Contact(colleague.Id, colleague.Name), "contact.confirm", contact,
            ContactEvidence.Colleague.Name(), now);
        return Task.CompletedTask;
    }

    public static Task RefuseAsync(DaibanDbContext db, EnterpriseContact contact, Actor by, string? reason,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!contact.Refuse(by, reason ?? "", now))
            return Task.CompletedTask;
        Audit(db, by, "contact.refuse", contact, contact.ClosingReason, now);
        return Task.CompletedTask;
    }

    public static Task RevokeByWindowAsync(DaibanDbContext db, EnterpriseContact contact, Actor clerk,
        string? reason, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!contact.RevokeByWindow(clerk, reason ?? "", now))
            return Task.CompletedTask;
        Audit(db, clerk, "contact.revoke", contact, contact.ClosingReason, now);
        return Task.CompletedTask;
    }

    public static Task RevokeByColleagueAsync(DaibanDbContext db, EnterpriseContact contact,
        EnterpriseContact colleague, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!contact.RevokeByColleague(colleague, now))
            return Task.CompletedTask;
        Audit(db, Actor.Contact(colleague.Id, colleague.Name), "contact.revoke", contact, contact.ClosingReason, now);
        return Task.CompletedTask;
    }

    private static void Audit(DaibanDbContext db, Actor by, string action, EnterpriseContact contact, string? detail,
        DateTimeOffset now)
    {
        if (contact.Id == 0)
            throw new InvalidOperationException("Save a new contact before deciding on it: the audit and the notice need its id.");
        db.Audit.Record(by, action, nameof(EnterpriseContact), $"{contact.Id}", Detail(contact, detail), now);
    }

    private static string Detail(EnterpriseContact contact, string? detail) =>
        Text.Excerpt($"{contact.Enterprise.Name} {contact.Name}：{detail}", 500);
}
