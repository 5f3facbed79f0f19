using Daiban.Core.Staff;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Daiban.Web.Staff;

/// <summary>
/// What the signature cannot say: whether the token has been taken back. A staff or dashboard token is honoured only
/// while its session is open and its member active, read from the database on every request, so signing out, a role
/// change, deactivation or a password reset takes effect at once on every instance. Any token that marks a header
/// critical is refused: we issue none, and RFC 7515 §4.1.11 forbids accepting one not understood.
/// </summary>
internal static class StaffSessionCheck
{
    /// <summary>Marks a request whose 401 should say the session ended rather than ask to sign in.</summary>
    public static readonly object Ended = new();

    public static async Task ValidateAsync(TokenValidatedContext context)
    {
        if (context.SecurityToken is JsonWebToken { } jwt && jwt.TryGetHeaderValue<object>("crit", out _))
        {
            context.Fail("The token marks a header critical.");
            return;
        }
        var principal = context.Principal!;
        var kind = principal.FindFirst(DaibanClaims.Kind)?.Value;
        if (kind is not (DaibanClaims.Staff or DaibanClaims.Dashboard))
            return;
        var session = principal.FindFirst(DaibanClaims.Session)?.Value;
        var ok = session is not null && long.TryParse(principal.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var staffId)
            && await context.HttpContext.RequestServices.GetRequiredService<StaffAccounts>()
                .IsSessionOpenAsync(session, staffId, context.HttpContext.RequestAborted);
        if (!ok)
        {
            context.HttpContext.Items[Ended] = true;
            context.Fail("The staff session has ended.");
        }
    }
}
