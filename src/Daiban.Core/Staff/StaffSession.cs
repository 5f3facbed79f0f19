using System.Security.Cryptography;

namespace Daiban.Core.Staff;

public enum StaffSessionKind
{
    /// <summary>Signed in with the password (the console).</summary>
    Password,
    /// <summary>The agent pages of the mini-program, through a bound WeChat identity.</summary>
    MiniProgram,
    /// <summary>An admin's Hangfire dashboard cookie.</summary>
    Dashboard,
}

/// <summary>
/// One sign-in of a staff member. Every staff token names its session and is honoured only while the session is open,
/// so signing out, deactivation, a role change, a password reset or removing a WeChat binding ends the tokens already
/// handed out at once, on every instance (the database is the one place all instances read).
/// </summary>
public sealed class StaffSession
{
    private StaffSession() { }

    public StaffSession(long staffId, StaffSessionKind kind, DateTimeOffset now, TimeSpan lifetime)
    {
        Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        StaffId = staffId;
        Kind = kind;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public string Id { get; private set; } = "";
    public long StaffId { get; private set; }
    public StaffSessionKind Kind { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>Why it ended: signed out, deactivated, roles changed, password reset, binding removed.</summary>
    public string? EndReason { get; private set; }

    public bool IsOpen(DateTimeOffset now) => EndedAt is null && ExpiresAt > now;

    public void End(string reason, DateTimeOffset now)
    {
        if (EndedAt is not null)
            return;
        EndedAt = now;
        EndReason = reason;
    }
}
