using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Daiban.Core.Accounts;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.WeChat;
using Daiban.WeChat.Api;
using Daiban.Web.Cases;
using Daiban.Web.Staff;
using Daiban.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.Accounts;

public sealed record LoginRequest([property: Required] string? Code);

public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt, long UserId, bool PhoneBound);

public sealed record MeResponse(long UserId, string? Phone, DateTimeOffset FirstSeenAt);

public sealed record BindPhoneRequest([property: Required] string? Code);

public sealed record StaffBindingRequest([property: Required] string? Code);

public sealed record StaffBindingResponse(long StaffId, string DisplayName);

/// <summary>Mini-program sign-in: a wx.login code becomes our own bearer token; the session_key stays here, encrypted.</summary>
public static class MiniProgramAuthEndpoints
{
    public static void MapMiniProgramAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/mp").WithTags("Mini-program");
        g.MapPost("/auth/login", LoginAsync).WithName("MiniProgramLogin").WithSummary("用wx.login的code登录，换取访问令牌");
        g.MapGet("/me", GetMeAsync).WithName("MiniProgramMe").WithSummary("当前登录用户")
            .RequireAuthorization(DaibanClaims.MiniProgramPolicy);
        g.MapPost("/staff-binding", BindStaffAsync).WithName("BindStaffMiniProgram")
            .WithSummary("工作人员用绑定码关联小程序身份（代办员页面）")
            .RequireAuthorization(DaibanClaims.MiniProgramPolicy);
        g.MapPost("/me/phone", BindPhoneAsync).WithName("BindPhone").WithSummary("用手机号快速验证的code绑定手机号")
            .RequireAuthorization(DaibanClaims.MiniProgramPolicy);
    }

    internal static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(LoginRequest request,
        WeChatApiClient wechat, TokenIssuer tokens, SessionKeyProtector protector, [AsParameters] RequestContext x)
    {
        var code = Guard.Required(request.Code, "登录凭证code", 128);
        Code2SessionResponse session;
        try
        {
            session = await wechat.Code2SessionAsync(code, x.Cancellation);
        }
        catch (WeChatApiException e) when (e.ErrCode is 40029 or 40163)
        {
            return TypedResults.Problem(title: "登录凭证无效或已使用，请重新进入小程序后再试", statusCode: StatusCodes.Status401Unauthorized);
        }
        catch (WeChatApiException e) when (e.ErrCode == 40226)
        {
            return TypedResults.Problem(title: "该微信账号暂不能登录，请联系投资建设综合窗口", statusCode: StatusCodes.Status403Forbidden);
        }

        var user = await MiniProgramSignIns.RecordAsync(x.Db, session.OpenId, session.UnionId,
            protector.Protect(session.SessionKey), x.Now, x.Cancellation);
        var (token, expiresAt) = tokens.IssueForMiniProgramUser(user.Id, user.OpenId);
        return TypedResults.Ok(new LoginResponse(token, expiresAt, user.Id, user.Phone is not null));
    }

    /// <summary>
    /// The phone comes from WeChat's verification (getuserphonenumber), never typed in; it is checked to belong to
    /// this user and this mini-program, and copied to the user's enterprise contacts.
    /// </summary>
    internal static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> BindPhoneAsync(BindPhoneRequest request,
        WeChatApiClient wechat, Microsoft.Extensions.Options.IOptions<WeChatOptions> options,
        [AsParameters] RequestContext x)
    {
        var code = Guard.Required(request.Code, "手机号验证code", 128);
        var user = await x.Db.MiniProgramUsers.SingleAsync(u => u.Id == long.Parse(x.User.FindFirstValue("sub")!), x.Cancellation);
        PhoneNumberResponse phone;
        try
        {
            phone = await wechat.GetPhoneNumberAsync(new PhoneNumberRequest(code, user.OpenId), x.Cancellation);
        }
        catch (WeChatApiException e) when (e.ErrCode == 40029)
        {
            return TypedResults.Problem(title: "手机号验证已失效，请重新点击获取手机号", statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        var info = phone.PhoneInfo;
        if (info is null || info.Watermark?.AppId != options.Value.MiniProgram.AppId || string.IsNullOrEmpty(info.PurePhoneNumber))
            return TypedResults.Problem(title: "手机号验证结果无效，请重试", statusCode: StatusCodes.Status422UnprocessableEntity);
        user.BindPhone(info.PurePhoneNumber);
        foreach (var contact in await x.Db.EnterpriseContacts.Where(c => c.MiniProgramOpenId == user.OpenId).ToListAsync(x.Cancellation))
            contact.ChangePhone(info.PurePhoneNumber);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(new MeResponse(user.Id, PersonalData.MaskPhone(user.Phone), user.FirstSeenAt));
    }

    internal static async Task<Results<Ok<StaffBindingResponse>,
        ProblemHttpResult>> BindStaffAsync(StaffBindingRequest request, StaffBindingCodes codes,
        Core.Staff.StaffAccounts accounts, [AsParameters] RequestContext x)
    {
        var (result, staff) = await codes.BindIdentityAsync(Guard.Required(request.Code, "绑定码", 16), Core.Staff.WeChatIdentity.MiniProgram,
            x.User.FindFirstValue(DaibanClaims.OpenId)!, x.Db, accounts, x.Cancellation);
        return result switch
        {
            BindingRedemption.Bound => TypedResults.Ok(new StaffBindingResponse(staff!.Id, staff.DisplayName)),
            BindingRedemption.TooManyAttempts => TypedResults.Problem(title: "绑定尝试次数过多，请15分钟后再试",
                statusCode: StatusCodes.Status429TooManyRequests),
            _ => TypedResults.Problem(title: "绑定码无效或已过期，请在工作台“我的账号”重新生成",
                statusCode: StatusCodes.Status422UnprocessableEntity),
        };
    }

    internal static async Task<Results<Ok<MeResponse>, NotFound>> GetMeAsync([AsParameters] RequestContext x)
    {
        var id = long.Parse(x.User.FindFirstValue("sub")!);
        var user = await x.Db.MiniProgramUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, x.Cancellation);
        return user is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new MeResponse(user.Id, PersonalData.MaskPhone(user.Phone) is { Length: > 0 } p ? p : null, user.FirstSeenAt));
    }
}
