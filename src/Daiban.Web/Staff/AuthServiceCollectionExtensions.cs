using System.Security.Cryptography;
using System.Text;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Daiban.Web.Staff;

public static class AuthServiceCollectionExtensions
{
    public static WebApplicationBuilder AddDaibanAuth(this WebApplicationBuilder builder, DatabaseSettings database)
    {
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        byte[] key;
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            if (options.SigningKey.Length < 32)
                throw new InvalidOperationException("Auth:SigningKey must be at least 32 characters.");
            key = Encoding.UTF8.GetBytes(options.SigningKey);
        }
        else if (database.Provider == DatabaseProvider.Sqlite)
        {
            // Embedded default only: tokens die with the process, which is what a developer's machine wants.
            key = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            throw new InvalidOperationException("Auth:SigningKey is required with MySQL: every instance must share it (set Auth__SigningKey).");
        }
        var keys = new AuthKeys(key);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<SessionKeyProtector>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = TokenIssuer.ValidationParameters(keys, options);
                // A browser opening the Hangfire dashboard cannot send a header: it carries a dashboard token in an
                // HttpOnly cookie (DashboardSessionEndpoints), accepted on that path only.
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = ctx =>
                    {
                        if (string.IsNullOrEmpty(ctx.Token) && ctx.Request.Path.StartsWithSegments(DashboardSessionEndpoints.DashboardPath)
                            && ctx.Request.Cookies.TryGetValue(DashboardSessionEndpoints.CookieName, out var cookie))
                            ctx.Token = cookie;
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = StaffSessionCheck.ValidateAsync,
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(DaibanClaims.MiniProgramPolicy, p => p.RequireAuthenticatedUser().RequireClaim(DaibanClaims.Kind, DaibanClaims.MiniProgramUser))
            .AddPolicy(StaffPolicies.AnyStaff, p => p.RequireClaim(DaibanClaims.Kind, DaibanClaims.Staff))
            .AddPolicy(StaffPolicies.Window, p => p.RequireClaim(DaibanClaims.Kind, DaibanClaims.Staff).RequireRole(nameof(StaffRoles.WindowClerk), nameof(StaffRoles.Admin)))
            .AddPolicy(StaffPolicies.Agent, p => p.RequireClaim(DaibanClaims.Kind, DaibanClaims.Staff).RequireRole(nameof(StaffRoles.Agent), nameof(StaffRoles.Admin)))
            .AddPolicy(StaffPolicies.Supervisor, p => p.RequireClaim(DaibanClaims.Kind, DaibanClaims.Staff).RequireRole(nameof(StaffRoles.Supervisor), nameof(StaffRoles.Admin)))
            .AddPolicy(StaffPolicies.Oversight, p => p.RequireClaim(DaibanClaims.Kind, DaibanClaims.Staff).RequireRole(nameof(StaffRoles.WindowClerk), nameof(StaffRoles.Supervisor), nameof(StaffRoles.Admin)))
            .AddPolicy(StaffPolicies.Admin, p => p.RequireClaim(DaibanClaims.Kind, DaibanClaims.Staff).RequireRole(nameof(StaffRoles.Admin)));
        return builder;
    }
}
