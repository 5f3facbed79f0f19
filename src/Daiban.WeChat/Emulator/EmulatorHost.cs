using Daiban.Core.Common;

namespace Daiban.WeChat.Emulator;

/// <summary>
/// The emulator as a process of its own, so several Daiban instances share one fake WeChat: one set of quotas,
/// tokens, 48-hour windows and sent messages. It serves WeChat's paths and the test hooks under /_wx/ (as the
/// in-process emulator does) and pushes to <see cref="EmulatorOptions.PushTargets"/>. The instances point
/// WeChat:ApiBaseUrl at it with the emulator off; both sides read the same WeChat settings (AppIds, secrets,
/// Tokens, EncodingAESKeys), so each signs and checks what the other sends.
/// </summary>
public static class EmulatorHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.SectionName)
            .PostConfigure(o => o.Emulator.Enabled = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WeChatEmulator>();
        builder.Services.AddSingleton<EmulatorPushSender>();
        builder.Services.AddHttpClient(EmulatorPushSender.HttpClientName).RemoveAllLoggers();
        builder.Services.AddProblemDetails();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler(error => error.Run(WriteProblemAsync));
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok", role = "wechat-emulator" }));
        app.MapEmulatorEndpoints();
        return app;
    }

    // A hook called with a missing field answers 422 with the emulator's Chinese title, as in the application.
    private static async Task WriteProblemAsync(HttpContext context)
    {
        var error = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        var (status, title) = error is DomainRuleException e
            ? (StatusCodes.Status422UnprocessableEntity, e.Message)
            : error is BadHttpRequestException b ? (b.StatusCode, "请求无法处理，请检查后重试。")
            : (StatusCodes.Status500InternalServerError, "模拟器内部错误。");
        context.Response.StatusCode = status;
        await Results.Problem(title: title, statusCode: status).ExecuteAsync(context);
    }
}
