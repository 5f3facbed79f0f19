using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Web.Cases;
using Daiban.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Staff;

public sealed record StaffLoginRequest([property: Required] string? UserName, [property: Required] string? Password);

public sealed record StaffSummary(long Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? DepartmentCode);

public sealed record StaffLoginResponse(string Token, DateTimeOffset ExpiresAt, StaffSummary Staff);

public sealed record BindingCodeResponse(string Code, DateTimeOffset ExpiresAt, string Instructions);

/// <summary>A WeChat identity bound to a staff account, as its owner and the admins see it.</summary>
public sealed record StaffBindingView(string Kind, string Name, string OpenId, DateTimeOffset? BoundAt);

/// <summary>
/// Staff sign-in with a password, sign-out, and the WeChat identities bound to the account. Guessing is capped for the
/// whole cluster: <see cref="StaffMember.MaxFailedSignIns"/> attempts per name (any name, so an unknown one answers
/// exactly as a real one) and <see cref="AttemptsPerAddress"/> per client address in
/// <see cref="StaffMember.LockoutDuration"/>; an attempt is counted before the password is checked, so concurrent
/// guesses cannot overtake the count.
/// </summary>
public static class StaffAuthEndpoints
{
    public const int AttemptsPerAddress = 30;

    private static readonly UsageLimit PerName = new("signin-name", StaffMember.MaxFailedSignIns,
        StaffMember.LockoutDuration);
    private static readonly UsageLimit PerAddress = new("signin-address", AttemptsPerAddress,
        StaffMember.LockoutDuration);

    public static void MapStaffAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff").WithTags("Staff");
        // Anonymous: a name and a password never need more than a few kilobytes.
        g.MapPost("/auth/login", LoginAsync).WithName("StaffLogin").WithSummary("工作人员用户名密码登录")
            .WithMaxRequestBody(4 * 1024);
        g.MapPost("/auth/mini-program", MiniProgramSessionAsync).WithName("StaffMiniProgramSession")
            .WithSummary("已绑定小程序身份的工作人员在小程序中换取工作人员令牌（代办员页面）")
            .RequireAuthorization(DaibanClaims.MiniProgramPolicy);
        g.MapPost("/auth/logout", LogoutAsync).WithName("StaffLogout")
            .WithSummary("退出登录：本令牌与由此打开的后台任务面板会话立即失效").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/me", GetMeAsync).WithName("StaffMe").WithSummary("当前登录的工作人员")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPost("/me/binding-code", IssueBindingCodeAsync).WithName("StaffBindingCode")
            .WithSummary("生成一次性绑定码（8位，10分钟，仅最新一个有效）：在服务号发送“绑定 12345678”，或在小程序工作人员页输入")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/me/bindings", MyBindingsAsync).WithName("MyStaffBindings").WithSummary("我的账号已绑定的微信身份")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapDelete("/me/bindings/{kind}", UnbindMineAsync).WithName("RemoveMyStaffBinding")
            .WithSummary("解除我的服务号（OfficialAccount）或小程序（MiniProgram）绑定").RequireAuthorization(StaffPolicies.AnyStaff);
    }

    internal static async Task<IResult> LoginAsync(StaffLoginRequest request, HttpContext http,
        StaffAccounts accounts, UsageLimits limits, TokenIssuer tokens, IOptions<AuthOptions> options,
        ILoggerFactory loggers, [AsParameters] RequestContext x)
    {
        var userName = Guard.Required(request.UserName, "用户名", 32).ToLowerInvariant();
        var password = Guard.Required(request.Password, "密码", 128);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!await limits.TryTakeAsync(PerAddress, address))
            return TooManyRequests.Problem(http, PerAddress, "登录尝试过于频繁，请15分钟后再试");
        if (!await limits.TryTakeAsync(PerName, userName))
            return LockedOut(loggers);
        var staff = await x.Db.Staff.SingleOrDefaultAsync(s => s.UserName == userName, x.Cancellation);
        var now = x.Now;
        var signedIn = staff?.SignIn(password, now) ?? PasswordHashing.VerifyNobody(password);
        SecurityMetrics.PasswordChecks.Add(1);
        if (!signedIn)
            return await limits.IsExhaustedAsync(PerName, userName)
                ? LockedOut(loggers)
                : TypedResults.Problem(title: "用户名或密码不正确", statusCode: StatusCodes.Status401Unauthorized);
        await limits.ResetAsync(PerName, userName);
        await limits.GiveBackAsync(PerAddress, address);
        var session = accounts.StartSession(staff!, StaffSessionKind.Password, options.Value.StaffTokenLifetime);
        await x.Db.SaveChangesAsync(x.Cancellation);
        var (token, expiresAt) = tokens.IssueForStaff(staff!, session);
        return TypedResults.Ok(new StaffLoginResponse(token, expiresAt, Summary(staff!)));
    }

    /// <summary>The same answer for a real and an unknown name: a lock-out does not reveal who has an account.</summary>
    private static IResult LockedOut(ILoggerFactory loggers)
    {
        loggers.CreateLogger("Daiban.Staff.SignIn").LogWarning("Sign-in attempts for one user name reached the limit");
        return TypedResults.Problem(title: "密码错误次数过多，账号已锁定，请15分钟后再试", statusCode: StatusCodes.Status423Locked);
    }

    /// <summary>The agent pages of the mini-program: a WeChat user whose openid a staff member bound (with a one-time code) acts as that staff member.</summary>
    internal static async Task<Results<Ok<StaffLoginResponse>,
        ProblemHttpResult>> MiniProgramSessionAsync(StaffAccounts accounts, TokenIssuer tokens,
        IOptions<AuthOptions> options, [AsParameters] RequestContext x)
    {
        var openId = x.User.FindFirstValue(DaibanClaims.OpenId);
        var staff = openId is null ? null : await x.Db.Staff.SingleOrDefaultAsync(s => s.MiniProgramOpenId == openId && s.Active, x.Cancellation);
        if (staff is null)
            return TypedResults.Problem(title: "本微信尚未绑定工作人员身份，请在工作台“我的账号”生成绑定码后在小程序中绑定",
                statusCode: StatusCodes.Status403Forbidden);
        var session = accounts.StartSession(staff, StaffSessionKind.MiniProgram, options.Value.StaffTokenLifetime);
        await x.Db.SaveChangesAsync(x.Cancellation);
        var (token, expiresAt) = tokens.IssueForStaff(staff, session);
        return TypedResults.Ok(new StaffLoginResponse(token, expiresAt, Summary(staff)));
    }

    /// <summary>Ends this token's session, and the dashboard sessions opened from the console (their cookie is not sent here).</summary>
    internal static async Task<NoContent> LogoutAsync(StaffAccounts accounts, [AsParameters] RequestContext x)
    {
        await accounts.EndSessionAsync(x.User.FindFirstValue(DaibanClaims.Session)!, x.User.StaffId(), x.Cancellation);
        await accounts.EndSessionsAsync(x.User.StaffId(), "signed-out", x.Cancellation, StaffSessionKind.Dashboard);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<StaffSummary>, NotFound>> GetMeAsync([AsParameters] RequestContext x)
    {
        var staff = await x.Db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == x.User.StaffId(), x.Cancellation);
        return staff is null ? TypedResults.NotFound() : TypedResults.Ok(Summary(staff));
    }

    internal static async Task<Ok<BindingCodeResponse>> IssueBindingCodeAsync(ClaimsPrincipal user,
        StaffBindingCodes codes)
    {
        var (code, expiresAt) = await codes.IssueAsync(user.StaffId());
        return TypedResults.Ok(new BindingCodeResponse(code, expiresAt,
            $"请在10分钟内，在服务号对话框发送“绑定 {code}”以接收模板消息；或在小程序“工作人员”页输入此码。" +
            "此码只能使用一次，重新生成后旧码作废；请勿告诉他人。"));
    }

    internal static async Task<Ok<List<StaffBindingView>>> MyBindingsAsync([AsParameters] RequestContext x) =>
        TypedResults.Ok(Bindings(await x.Db.Staff.AsNoTracking().SingleAsync(s => s.Id == x.User.StaffId(), x.Cancellation)));

    internal static async Task<Results<Ok<List<StaffBindingView>>, NotFound>> UnbindMineAsync(string kind,
        StaffAccounts accounts, [AsParameters] RequestContext x)
    {
        var staff = await x.Db.Staff.SingleAsync(s => s.Id == x.User.StaffId(), x.Cancellation);
        return await UnbindAsync(staff, kind, x.User.StaffActor(), accounts, x);
    }

    /// <summary>Removes one binding of <paramref name="staff"/> (its owner or an admin); 404 when that kind is not bound.</summary>
    internal static async Task<Results<Ok<List<StaffBindingView>>, NotFound>> UnbindAsync(StaffMember staff,
        string kind, Actor by, StaffAccounts accounts, RequestContext x)
    {
        if (!Enum.TryParse<WeChatIdentity>(kind, ignoreCase: true, out var identity) || !Enum.IsDefined(identity))
            throw DomainRuleException.Invalid("staff.binding_kind", "请选择要解除的绑定：服务号或小程序。");
        if (!await accounts.UnbindIdentityAsync(staff, identity, by, x.Cancellation))
            return TypedResults.NotFound();
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(Bindings(staff));
    }

    internal static List<StaffBindingView> Bindings(StaffMember s) => Enum.GetValues<WeChatIdentity>()
        .Where(i => s.BoundOpenId(i) is not null)
        .Select(i => new StaffBindingView(i.ToString(), StaffAccounts.Name(i), PersonalData.MaskOpenId(s.BoundOpenId(i)), s.BoundAt(i)))
        .ToList();

    internal static StaffSummary Summary(StaffMember s) => new(s.Id, s.UserName, s.DisplayName,
        Enum.GetValues<StaffRoles>().Where(r => r != StaffRoles.None && s.Has(r)).Select(r => r.ToString()).ToList(), s.DepartmentCode);

    public static long StaffId(this ClaimsPrincipal user) => long.Parse(user.FindFirstValue("sub")!);

    public static Actor StaffActor(this ClaimsPrincipal user) => Actor.Staff(user.StaffId(),
        user.FindFirstValue(DaibanClaims.Name) ?? "工作人员");
}
