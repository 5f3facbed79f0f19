using Microsoft.AspNetCore.Http.HttpResults;

namespace Daiban.WeChat.Emulator;

/// <summary>
/// The emulator over HTTP: WeChat's own paths under /_wx/ for anything outside the process, and the test hooks
/// under /_wx/test/. Mapped only while the emulator is enabled; nginx hides /_wx/ in production regardless.
/// </summary>
public static class EmulatorEndpoints
{
    public static RouteGroupBuilder MapEmulatorEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/_wx").WithTags("WeChat emulator");
        g.MapPost("/test/login-code", IssueLoginCode).WithName("EmulatorLoginCode").WithSummary("模拟器：生成一次性登录code");
        g.MapPost("/test/phone-code", IssuePhoneCode).WithName("EmulatorPhoneCode").WithSummary("模拟器：生成手机号快速验证code");
        g.MapPost("/test/subscribe", AcceptSubscriptionAsync).WithName("EmulatorSubscribe").WithSummary("模拟器：用户同意n次一次性订阅，并向本应用推送订阅事件");
        g.MapPost("/test/follow", Follow).WithName("EmulatorFollow").WithSummary("模拟器：用户关注公众号");
        g.MapPost("/test/faults", InjectFault).WithName("EmulatorFaults").WithSummary("模拟器：为某个接口注入错误码");
        g.MapGet("/test/messages", ListMessages).WithName("EmulatorMessages").WithSummary("模拟器：应用发给某用户的全部消息");
        g.MapPost("/test/user-message", SendUserMessageAsync).WithName("EmulatorUserMessage").WithSummary("模拟器：以用户身份向小程序客服或服务号发消息，并推送到本应用");
        g.MapMethods("/{**path}", ["GET", "POST"], HandleApiAsync).WithName("EmulatorApi").WithSummary("模拟器：与api.weixin.qq.com相同的路径与JSON");
        return g;
    }

    internal static Ok<LoginCodeResponse> IssueLoginCode(LoginCodeRequest request, WeChatEmulator emulator) =>
        TypedResults.Ok(new LoginCodeResponse(emulator.IssueLoginCode(Required(request.OpenId))));

    internal static Ok<LoginCodeResponse> IssuePhoneCode(PhoneCodeRequest request, WeChatEmulator emulator) =>
        TypedResults.Ok(new LoginCodeResponse(emulator.IssuePhoneCode(Required(request.Phone), request.OpenId)));

    internal static async Task<Ok<PushDeliveryReport>> AcceptSubscriptionAsync(SubscribeHookRequest request, EmulatorPushSender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.SendSubscriptionAcceptedAsync(Required(request.OpenId), Required(request.TemplateId), Math.Clamp(request.Count, 1, 50), ct));

    internal static NoContent Follow(FollowHookRequest request, WeChatEmulator emulator)
    {
        emulator.Follow(Required(request.OpenId));
        return TypedResults.NoContent();
    }

    internal static NoContent InjectFault(FaultHookRequest request, WeChatEmulator emulator)
    {
        emulator.InjectFault(Required(request.Path), request.ErrCode, Math.Clamp(request.Times, 1, 1000),
            TimeSpan.FromMilliseconds(Math.Clamp(request.StallMs, 0, 120_000)));
        return TypedResults.NoContent();
    }

    internal static Ok<IReadOnlyList<SentMessage>> ListMessages(string? touser, WeChatEmulator emulator) =>
        TypedResults.Ok(emulator.Messages(touser));

    internal static async Task<Ok<PushDeliveryReport>> SendUserMessageAsync(UserMessageRequest request, EmulatorPushSender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.SendUserTextAsync(Required(request.OpenId), Required(request.Text),
            string.Equals(request.App, "officialaccount", StringComparison.OrdinalIgnoreCase) ? WeChatApp.OfficialAccount : WeChatApp.MiniProgram, ct));

    internal static async Task<IResult> HandleApiAsync(string path, HttpRequest request, WeChatEmulator emulator)
    {
        using var reader = new StreamReader(request.Body);
        var body = request.ContentLength is > 0 || request.Method == "POST" ? await reader.ReadToEndAsync() : null;
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var result = await emulator.HandleAsync(request.Method, path, query, body);
        request.HttpContext.Response.StatusCode = result.StatusCode;
        return Results.Bytes(result.Body, result.ContentType);
    }

    private static string Required(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw Core.Common.DomainRuleException.Invalid("emulator.field_required", "模拟器请求缺少必填字段。")
            : value.Trim();
}
