using System.Security.Claims;
using Daiban.Core.Staff;
using Daiban.Web.Cases;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Daiban.Web.Staff;

/// <summary>Issues the bearer tokens the mini-program and the staff console send back, and the dashboard's cookie token.</summary>
public sealed class TokenIssuer(AuthKeys keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) IssueForMiniProgramUser(long userId, string openId) =>
        Issue(options.Value.MiniProgramTokenLifetime,
        [
            new Claim(JwtRegisteredClaimNames.Sub, userId.ToString()),
            new Claim(DaibanClaims.OpenId, openId),
            new Claim(DaibanClaims.Kind, DaibanClaims.MiniProgramUser),
        ]);

    /// <summary>
    /// A staff token names its session (honoured only while it is open) and carries one role claim per role the
    /// member holds, and its department; policies and <see cref="StaffAccess"/> check those. A change of roles or
    /// department ends the session, so the claims never outlive the member's record.
    /// </summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueForStaff(StaffMember staff, StaffSession session) =>
        Issue(session.ExpiresAt,
        [
            new Claim(JwtRegisteredClaimNames.Sub, staff.Id.ToString()),
            new Claim(DaibanClaims.Kind, DaibanClaims.Staff),
            new Claim(DaibanClaims.Session, session.Id),
            new Claim(DaibanClaims.Name, staff.DisplayName),
            .. Enum.GetValues<StaffRoles>().Where(r => r is not StaffRoles.None && staff.Has(r))
                .Select(r => new Claim(DaibanClaims.Role, r.ToString())),
            .. staff.DepartmentCode is { } department ? [new Claim(DaibanClaims.Department, department)] : Array.Empty<Claim>(),
        ]);

    /// <summary>An admin's dashboard session: the Admin role, and a kind the staff policies do not accept.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueForDashboard(StaffMember staff, StaffSession session) =>
        Issue(session.ExpiresAt,
        [
            new Claim(JwtRegisteredClaimNames.Sub, staff.Id.ToString()),
            new Claim(DaibanClaims.Kind, DaibanClaims.Dashboard),
            new Claim(DaibanClaims.Session, session.Id),
            new Claim(DaibanClaims.Name, staff.DisplayName),
            new Claim(DaibanClaims.Role, nameof(StaffRoles.Admin)),
        ]);

    private (string Token, DateTimeOffset ExpiresAt) Issue(TimeSpan lifetime, IEnumerable<Claim> claims) =>
        Issue(clock.GetUtcNow() + lifetime, claims);

    private (string Token, DateTimeOffset ExpiresAt) Issue(DateTimeOffset expires, IEnumerable<Claim> claims)
    {
        var now = clock.GetUtcNow();
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(keys.SigningKey), SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    public static TokenValidationParameters ValidationParameters(AuthKeys keys, AuthOptions options) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Issuer,
        IssuerSigningKey = new SymmetricSecurityKey(keys.SigningKey),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromMinutes(1),
        NameClaimType = JwtRegisteredClaimNames.Sub,
        RoleClaimType = DaibanClaims.Role,
    };
}
