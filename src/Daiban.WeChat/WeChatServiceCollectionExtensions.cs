using Daiban.Core.Common;
using Daiban.Core.Consultation;
using Daiban.WeChat.Api;
using Daiban.WeChat.Emulator;
using Daiban.WeChat.Push;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Daiban.WeChat;

public static class WeChatServiceCollectionExtensions
{
    public static WebApplicationBuilder AddDaibanWeChat(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.MiniProgram.AppId) && !string.IsNullOrWhiteSpace(o.OfficialAccount.AppId), "WeChat AppIds are required.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.MiniProgram.Token) && !string.IsNullOrWhiteSpace(o.OfficialAccount.Token), "WeChat push Tokens are required.")
            .Validate(o => o.MiniProgram.EncodingAESKey is "" or { Length: 43 } && o.OfficialAccount.EncodingAESKey is "" or { Length: 43 }, "EncodingAESKey must be 43 characters.")
            .Validate(o => o.EmulatorEnabled || (!string.IsNullOrEmpty(o.MiniProgram.AppSecret) && !string.IsNullOrEmpty(o.OfficialAccount.AppSecret)),
                "With the emulator off, both AppSecrets are required (set them in the environment).")
            .PostConfigure(o =>
            {
                if (o.EmulatorEnabled)
                    o.Templates.FillDemoIds();
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>();
        services.AddSingleton<WeChatEmulator>();
        services.AddSingleton<EmulatorPushSender>();
        services.AddSingleton<AccessTokenProvider>();
        services.AddHttpClient(AccessTokenProvider.HttpClientName, ConfigureWeChatHttp).RemoveAllLoggers().ConfigurePrimaryHttpMessageHandler(PrimaryHandler);
        services.AddHttpClient<WeChatApiClient>(ConfigureWeChatHttp).RemoveAllLoggers().ConfigurePrimaryHttpMessageHandler(PrimaryHandler);
        services.AddHttpClient(EmulatorPushSender.HttpClientName).RemoveAllLoggers();

        services.AddSingleton<InboundMessageQueue>();
        services.AddSingleton<InboundWriteGate>();
        services.AddSingleton<PushReplayGuard>();
        services.AddSingleton<PushReceiver>();
        services.AddSingleton<InboundRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundRecorder>());
        services.AddSingleton<InboundMessageProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<InboundMessageProcessor>());
        return builder;
    }

    public static WebApplication MapDaibanWeChat(this WebApplication app)
    {
        app.MapPushEndpoints();
        if (app.Services.GetRequiredService<IOptions<WeChatOptions>>().Value.EmulatorEnabled)
            app.MapEmulatorEndpoints();
        return app;
    }

    private static void ConfigureWeChatHttp(IServiceProvider sp, HttpClient http)
    {
        var o = sp.GetRequiredService<IOptions<WeChatOptions>>().Value;
        http.BaseAddress = new Uri(o.EmulatorEnabled ? "http://emulator.local/_wx/" : o.ApiBaseUrl.TrimEnd('/') + "/");
        http.Timeout = o.ApiTimeout;
    }

    // While the emulator is on, the client's requests never leave the process.
    private static HttpMessageHandler PrimaryHandler(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<WeChatOptions>>().Value.EmulatorEnabled
            ? new EmulatorHttpHandler(sp.GetRequiredService<WeChatEmulator>())
            : new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
}
