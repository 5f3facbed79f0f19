using System.Text.Json;
using Daiban.Core.Common;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;

namespace Daiban.Core.Enterprises;

/// <summary>
/// Every decision about who acts for an enterprise — confirm, refuse, revoke — goes through here, so each one is in
/// the audit trail (who, when, on what evidence) and the person is told in the app. Nothing here saves: the caller
/// commits the change, the audit entry and the notice together.
/// </summary>
public static class ContactConfirmation
{
    public static async Task ConfirmAsync(DaibanDbContext db, EnterpriseContact contact, Actor by,
        ContactEvidence evidence, string? note,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!contact.Confirm(by, evidence, note, now))
            return;
        Audit(db, by, "contact.confirm", contact,
            $"{evidence.Name()}{(contact.EvidenceNote is { } n ? $"：{n}" : "")}", now);
        await NotifyAsync(db, contact, "confirmed", $"您已确认为{contact.Enterprise.Name}的联系人", now, ct);
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

    public static async Task ConfirmByColleagueAsync(DaibanDbContext db, EnterpriseContact contact,
        EnterpriseContact colleague, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!contact.ConfirmByColleague(colleague, now))
            return;
        Audit(db, Actor.Contact(colleague.Id, colleague.Name), "contact.confirm", contact,
            ContactEvidence.Colleague.Name(), now);
        await NotifyAsync(db, contact, "confirmed", $"您已确认为{contact.Enterprise.Name}的联系人", now, ct);
    }

    public static async Task RefuseAsync(DaibanDbContext db, EnterpriseContact contact, Actor by, string? reason,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!contact.Refuse(by, reason ?? "", now))
            return;
        Audit(db, by, "contact.refuse", contact, contact.ClosingReason, now);
        await NotifyAsync(db, contact, "refused", $"您的企业绑定未获确认：{contact.ClosingReason}", now, ct);
    }

    public static async Task RevokeByWindowAsync(DaibanDbContext db, EnterpriseContact contact, Actor clerk,
        string? reason, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!contact.RevokeByWindow(clerk, reason ?? "", now))
            return;
        Audit(db, clerk, "contact.revoke", contact, contact.ClosingReason, now);
        await NotifyAsync(db, contact, "revoked", $"您代表{contact.Enterprise.Name}办理的授权已取消：{contact.ClosingReason}",
            now, ct);
    }

    public static async Task RevokeByColleagueAsync(DaibanDbContext db, EnterpriseContact contact,
        EnterpriseContact colleague, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!contact.RevokeByColleague(colleague, now))
            return;
        Audit(db, Actor.Contact(colleague.Id, colleague.Name), "contact.revoke", contact, contact.ClosingReason, now);
        await NotifyAsync(db, contact, "revoked", $"您代表{contact.Enterprise.Name}办理的授权已被取消", now, ct);
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

    private static Task NotifyAsync(DaibanDbContext db, EnterpriseContact contact, string what, string title,
        DateTimeOffset now, CancellationToken ct) =>
        db.AddOnceAsync(new Notification($"contact:{contact.Id}:{what}:{now.ToUnixTimeMilliseconds()}",
            RecipientKind.EnterpriseContact, contact.Id,
            NotificationChannel.InApp, "contact-" + what, Text.Excerpt(title, 120),
                JsonSerializer.Serialize(new { enterprise = contact.Enterprise.Name }),
            "pages/enterprise/index", null, now), ct);
}
