using System.Security.Claims;
using Daiban.Core.Staff;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Daiban.WeChat.Auth;

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

    /// <summary>A staff token carries one role claim per role the member holds; policies check those.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueForStaff(long staffId, string name, StaffRoles roles) =>
        Issue(options.Value.StaffTokenLifetime,
        [
            new Claim(JwtRegisteredClaimNames.Sub, staffId.ToString()),
            new Claim(DaibanClaims.Kind, DaibanClaims.Staff),
            new Claim(DaibanClaims.Name, name),
            .. Enum.GetValues<StaffRoles>().Where(r => r is not StaffRoles.None && (roles & r) == r).Select(r => new Claim(DaibanClaims.Role, r.ToString())),
        ]);

    /// <summary>An admin's dashboard session: the Admin role, and a kind the staff policies do not accept.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueForDashboard(long staffId, string name) =>
        Issue(options.Value.DashboardSessionLifetime,
        [
            new Claim(JwtRegisteredClaimNames.Sub, staffId.ToString()),
            new Claim(DaibanClaims.Kind, DaibanClaims.Dashboard),
            new Claim(DaibanClaims.Name, name),
            new Claim(DaibanClaims.Role, nameof(StaffRoles.Admin)),
        ]);

    private (string Token, DateTimeOffset ExpiresAt) Issue(TimeSpan lifetime, IEnumerable<Claim> claims)
    {
        var now = clock.GetUtcNow();
        var expires = now + lifetime;
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
