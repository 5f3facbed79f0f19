using System.Text.Json;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Notifications;

/// <summary>
/// One person's in-app message list — an enterprise contact's in the mini-program, a staff member's in the console:
/// every notification addressed to them, whether WeChat delivered it or not, newest first, with what they have
/// read. It is where a notice WeChat could not deliver (no subscription left, not following the Official Account,
/// no template configured) is still seen.
/// </summary>
public static class InAppMessages
{
    public const int Shown = 100;

    public static IQueryable<Notification> Of(DaibanDbContext db, RecipientKind kind, IReadOnlyCollection<long> recipientIds) =>
        db.Notifications.AsNoTracking().Where(n => n.RecipientKind == kind && recipientIds.Contains(n.RecipientId));

    public static IQueryable<Notification> Latest(DaibanDbContext db, RecipientKind kind, IReadOnlyCollection<long> recipientIds) =>
        Of(db, kind, recipientIds).OrderByDescending(n => n.Id).Take(Shown);

    public static Task<int> UnreadCountAsync(DaibanDbContext db, RecipientKind kind, IReadOnlyCollection<long> recipientIds, CancellationToken ct) =>
        Of(db, kind, recipientIds).CountAsync(n => n.ReadAt == null, ct);

    /// <summary>Marks one of the recipient's messages read (again: no change); false when it is not theirs.</summary>
    public static async Task<bool> MarkReadAsync(DaibanDbContext db, RecipientKind kind, IReadOnlyCollection<long> recipientIds, long id, DateTimeOffset now, CancellationToken ct)
    {
        if (!await Of(db, kind, recipientIds).AnyAsync(n => n.Id == id, ct))
            return false;
        await Of(db, kind, recipientIds).Where(n => n.Id == id && n.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), ct);
        return true;
    }

    /// <summary>Marks everything the recipient has read; returns how many were unread.</summary>
    public static Task<int> MarkAllReadAsync(DaibanDbContext db, RecipientKind kind, IReadOnlyCollection<long> recipientIds, DateTimeOffset now, CancellationToken ct) =>
        Of(db, kind, recipientIds).Where(n => n.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), ct);

    /// <summary>
    /// The notice's values in one line under its title (case number, what happened, when …); older rows: their
    /// keyword values.
    /// </summary>
    public static string Detail(string? fieldsJson, string dataJson)
    {
        try
        {
            if (fieldsJson is not null)
                return JsonSerializer.Deserialize<NoticeFields>(fieldsJson)?.Line() ?? "";
            return JsonSerializer.Deserialize<Dictionary<string, string>>(dataJson) is { } data
                ? string.Join(" · ", data.Values)
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
