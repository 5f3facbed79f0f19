using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Daiban.WeChat.Auth;

/// <summary>Issues the bearer tokens the mini-program (and later the staff API) sends back.</summary>
public sealed class TokenIssuer(AuthKeys keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) IssueForMiniProgramUser(long userId, string openId)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.MiniProgramTokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, userId.ToString()),
                new Claim(DaibanClaims.OpenId, openId),
                new Claim(DaibanClaims.Kind, DaibanClaims.MiniProgramUser),
            ]),
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
    };
}
