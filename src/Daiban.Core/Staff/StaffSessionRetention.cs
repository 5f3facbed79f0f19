using Daiban.Core.Persistence;

namespace Daiban.Core.Staff;

/// <summary>
/// A sign-in row is checked on every staff request; once it has ended or expired it only answers "who was signed
/// in when", which the audit log also records. Such rows are deleted after a while so the table stays as small as
/// the staff is; a session still open is never touched.
/// </summary>
public static class StaffSessionRetention
{
    /// <returns>How many sessions were deleted.</returns>
    public static Task<int> PurgeAsync(DaibanDbContext db, DateTimeOffset cutoff, int pageSize, CancellationToken ct) =>
        PagedDelete.RunAsync(db.StaffSessions.Where(s => s.ExpiresAt < cutoff || s.EndedAt < cutoff), db.StaffSessions,
            s => s.Id, pageSize, ct);
}
