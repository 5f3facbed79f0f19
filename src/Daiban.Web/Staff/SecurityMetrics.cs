using System.Diagnostics.Metrics;

namespace Daiban.Web.Staff;

/// <summary>
/// Counters an operator watches for attacks (meter <c>Daiban.Security</c>, e.g. with dotnet-counters): a rise in password
/// checks or binding attempts is guessing in progress.
/// </summary>
public static class SecurityMetrics
{
    public const string MeterName = "Daiban.Security";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Passwords actually checked (attempts refused by a limit never reach the check).</summary>
    public static readonly Counter<long> PasswordChecks = Meter.CreateCounter<long>("daiban.staff.password_checks");
}
