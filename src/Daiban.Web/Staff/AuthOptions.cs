namespace Daiban.Web.Staff;

public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// The HMAC key for bearer tokens (at least 32 characters), shared by every instance; from the environment.
    /// Also the root from which the session_key encryption key is derived. Empty is allowed only for the
    /// embedded default, where a random per-process key is used.
    /// </summary>
    public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "daiban";

    public TimeSpan MiniProgramTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A working day and a bit: staff sign in each morning.</summary>
    public TimeSpan StaffTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long the Hangfire dashboard cookie an admin opens from the console lasts.</summary>
    public TimeSpan DashboardSessionLifetime { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>The key material actually in use, resolved once at start-up.</summary>
public sealed class AuthKeys(byte[] signingKey)
{
    public byte[] SigningKey { get; } = signingKey;
}

public static class DaibanClaims
{
    public const string OpenId = "openid";
    public const string Kind = "kind";
    public const string MiniProgramUser = "mp";
    public const string MiniProgramPolicy = "mini-program";
    public const string Staff = "staff";
    /// <summary>A token good for the Hangfire dashboard only (its cookie); no staff endpoint accepts it.</summary>
    public const string Dashboard = "dashboard";
    /// <summary>The staff session a token belongs to (<see cref="Core.Staff.StaffSession"/>).</summary>
    public const string Session = "sid";
    public const string Name = "name";
    public const string Role = "role";
    /// <summary>A department liaison's department (<see cref="Core.Staff.StaffPowers"/>); its change ends the session.</summary>
    public const string Department = "dept";
}

/// <summary>Who may do what on the staff side (docs/architecture.md §9). Admins hold every staff power.</summary>
public static class StaffPolicies
{
    public const string AnyStaff = "staff";
    public const string Window = "staff:window";
    public const string Agent = "staff:agent";
    public const string Supervisor = "staff:supervisor";
    /// <summary>The window and supervision: who watches every case's timeliness.</summary>
    public const string Oversight = "staff:oversight";
    public const string Admin = "staff:admin";
}
