using System.Security.Claims;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.WeChat.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.WeChat.Staff;

public sealed record StaffLoginRequest(string? UserName, string? Password);

public sealed record StaffSummary(long Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? DepartmentCode);

public sealed record StaffLoginResponse(string Token, DateTimeOffset ExpiresAt, StaffSummary Staff);

public sealed record BindingCodeResponse(string Code, DateTimeOffset ExpiresAt, string Instructions);

/// <summary>Staff sign-in with a password; five wrong passwords lock the account for fifteen minutes.</summary>
public static class StaffAuthEndpoints
{
    public static void MapStaffAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff").WithTags("Staff");
        g.MapPost("/auth/login", LoginAsync).WithName("StaffLogin").WithSummary("工作人员用户名密码登录");
        g.MapPost("/auth/mini-program", MiniProgramSessionAsync).WithName("StaffMiniProgramSession")
            .WithSummary("已绑定小程序身份的工作人员在小程序中换取工作人员令牌（代办员页面）").RequireAuthorization(DaibanClaims.MiniProgramPolicy);
        g.MapGet("/me", GetMeAsync).WithName("StaffMe").WithSummary("当前登录的工作人员").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPost("/me/binding-code", IssueBindingCodeAsync).WithName("StaffBindingCode")
            .WithSummary("生成一次性绑定码：在公众号发送“绑定 123456”，或在小程序工作人员页输入").RequireAuthorization(StaffPolicies.AnyStaff);
    }

    internal static async Task<Results<Ok<StaffLoginResponse>, ProblemHttpResult>> LoginAsync(StaffLoginRequest request, DaibanDbContext db,
        TokenIssuer tokens, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var userName = Guard.Required(request.UserName, "用户名", 32).ToLowerInvariant();
        var password = Guard.Required(request.Password, "密码", 128);
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.UserName == userName, ct);
        var now = clock.GetUtcNow();
        // The same answer for an unknown name and a wrong password: sign-in does not reveal who has an account.
        var result = staff?.SignIn(password, now) ?? SignInResult.Refused;
        if (staff is not null)
            await db.SaveChangesAsync(ct);
        if (result == SignInResult.LockedOut)
        {
            loggers.CreateLogger("Daiban.Staff.SignIn").LogWarning("Staff account {StaffId} is locked out", staff!.Id);
            var until = TimeZoneInfo.ConvertTime(staff.LockedUntil!.Value, Core.Calendar.ChinaTime.Zone);
            return TypedResults.Problem(title: $"密码错误次数过多，账号已锁定，请于{until:HH:mm}后再试", statusCode: StatusCodes.Status423Locked);
        }
        if (result != SignInResult.Succeeded)
            return TypedResults.Problem(title: "用户名或密码不正确", statusCode: StatusCodes.Status401Unauthorized);
        var (token, expiresAt) = tokens.IssueForStaff(staff!.Id, staff.DisplayName, staff.Roles);
        return TypedResults.Ok(new StaffLoginResponse(token, expiresAt, Summary(staff)));
    }

    /// <summary>The agent pages of the mini-program: a WeChat user whose openid a staff member bound (with a one-time code) acts as that staff member.</summary>
    internal static async Task<Results<Ok<StaffLoginResponse>, ProblemHttpResult>> MiniProgramSessionAsync(ClaimsPrincipal user, DaibanDbContext db, TokenIssuer tokens, CancellationToken ct)
    {
        var openId = user.FindFirstValue(DaibanClaims.OpenId);
        var staff = openId is null ? null : await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.MiniProgramOpenId == openId && s.Active, ct);
        if (staff is null)
            return TypedResults.Problem(title: "本微信尚未绑定工作人员身份，请在工作台生成绑定码后在小程序中绑定", statusCode: StatusCodes.Status403Forbidden);
        var (token, expiresAt) = tokens.IssueForStaff(staff.Id, staff.DisplayName, staff.Roles);
        return TypedResults.Ok(new StaffLoginResponse(token, expiresAt, Summary(staff)));
    }

    internal static async Task<Results<Ok<StaffSummary>, NotFound>> GetMeAsync(ClaimsPrincipal user, DaibanDbContext db, CancellationToken ct)
    {
        var staff = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == user.StaffId(), ct);
        return staff is null ? TypedResults.NotFound() : TypedResults.Ok(Summary(staff));
    }

    internal static async Task<Ok<BindingCodeResponse>> IssueBindingCodeAsync(ClaimsPrincipal user, StaffBindingCodes codes)
    {
        var (code, expiresAt) = await codes.IssueAsync(user.StaffId());
        return TypedResults.Ok(new BindingCodeResponse(code, expiresAt,
            $"请在10分钟内，在服务号对话框发送“绑定 {code}”以接收模板消息；或在小程序“工作人员”页输入此码。"));
    }

    internal static StaffSummary Summary(StaffMember s) => new(s.Id, s.UserName, s.DisplayName,
        Enum.GetValues<StaffRoles>().Where(r => r != StaffRoles.None && s.Has(r)).Select(r => r.ToString()).ToList(), s.DepartmentCode);

    public static long StaffId(this ClaimsPrincipal user) => long.Parse(user.FindFirstValue("sub")!);

    public static Actor StaffActor(this ClaimsPrincipal user) => Actor.Staff(user.StaffId(), user.FindFirstValue(DaibanClaims.Name) ?? "工作人员");
}
