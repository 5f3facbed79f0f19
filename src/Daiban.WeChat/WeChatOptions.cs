using System.ComponentModel.DataAnnotations;
using Daiban.WeChat.Api;
using Daiban.WeChat.Emulator;
using Microsoft.Extensions.Options;

namespace Daiban.WeChat;

public enum WeChatApp
{
    MiniProgram,
    OfficialAccount,
}

public enum PushEncoding
{
    Xml,
    Json,
}

public enum PushSecurity
{
    Plain,
    Compatible,
    Safe,
}

/// <summary>One WeChat account: the mini-program (enterprises) or the Official Account (staff).</summary>
public sealed class WeChatAppOptions
{
    [Required] public string AppId { get; set; } = "";
    /// <summary>Secret; from the environment only. Empty switches the emulator on.</summary>
    public string AppSecret { get; set; } = "";
    /// <summary>The message-push Token chosen in the WeChat console.</summary>
    [Required] public string Token { get; set; } = "";
    /// <summary>43 characters; needed for compatible and safe push modes.</summary>
    public string EncodingAESKey { get; set; } = "";
}

public sealed class EmulatorOptions
{
    /// <summary>Serve a fake WeChat under /_wx/ and point the client at it. Default: on when no AppSecret is configured.</summary>
    public bool? Enabled { get; set; }
    /// <summary>How the emulator's push sender formats and protects what it posts to our push endpoints.</summary>
    public PushEncoding PushEncoding { get; set; } = PushEncoding.Xml;
    public PushSecurity PushSecurity { get; set; } = PushSecurity.Safe;
    /// <summary>How long the push sender waits for our answer before it retries, as WeChat does (5 s).</summary>
    public TimeSpan PushTimeout { get; set; } = TimeSpan.FromSeconds(5);
    public int PushRetries { get; set; } = 3;
    /// <summary>
    /// The mini-program's app.json, whose pages are the only ones subscribe and template messages may open (41030
    /// otherwise). Default: the copy built with Daiban, else miniprogram/app.json above the working directory.
    /// </summary>
    public string? MiniProgramAppJson { get; set; }
    /// <summary>
    /// Where pushes go when the emulator runs as its own process (src/Daiban.WeChat.Emulator): nginx in front of
    /// the instances, or the instances themselves, taken in turn; a retry goes to the next one, as a retry through
    /// a load balancer may reach another instance. Empty: this process's own address.
    /// </summary>
    public List<string> PushTargets { get; set; } = [];
}

public sealed class WeChatOptions
{
    public const string SectionName = "WeChat";

    // Documented defaults for the emulator, so a fresh checkout runs with nothing configured. Real deployments
    // set every one of them (and the secrets) through the environment.
    public const string DefaultMiniProgramAppId = "wx5d1a2b3c4e5f6a01";
    public const string DefaultOfficialAccountAppId = "wx8e9f0a1b2c3d4e02";
    public const string DefaultToken = "daibanEmulatorToken";
    public const string DefaultEncodingAesKey = "DaibanEmulatorEncodingAESKey0123456789abcde";

    public string ApiBaseUrl { get; set; } = "https://api.weixin.qq.com/";
    /// <summary>How long a WeChat API call may take before its answer counts as lost.</summary>
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>
    /// How far a push's timestamp may be from our clock. Outside it the push is refused: a query string copied from
    /// an access log must not be replayable for ever. WeChat's retries come within seconds.
    /// </summary>
    public TimeSpan PushTimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);
    public WeChatAppOptions MiniProgram { get; set; } = new() { AppId = DefaultMiniProgramAppId, Token = DefaultToken, EncodingAESKey = DefaultEncodingAesKey };
    public WeChatAppOptions OfficialAccount { get; set; } = new() { AppId = DefaultOfficialAccountAppId, Token = DefaultToken, EncodingAESKey = DefaultEncodingAesKey };
    public EmulatorOptions Emulator { get; set; } = new();
    /// <summary>The WeChat template id of each notice key; with the emulator, unset ones get a demo id.</summary>
    public TemplateOptions Templates { get; set; } = new();

    /// <summary>Check users' text with msg_sec_check before the bot answers it. Default: on with real WeChat, off with the emulator.</summary>
    public bool? ContentCheck { get; set; }

    public bool EmulatorEnabled => Emulator.Enabled ?? (string.IsNullOrEmpty(MiniProgram.AppSecret) && string.IsNullOrEmpty(OfficialAccount.AppSecret));

    public WeChatAppOptions For(WeChatApp app) => app == WeChatApp.MiniProgram ? MiniProgram : OfficialAccount;

    /// <summary>The secret the client sends: the configured one, or the emulator's fixed one.</summary>
    public string SecretFor(WeChatApp app) =>
        string.IsNullOrEmpty(For(app).AppSecret) && EmulatorEnabled ? EmulatorSecret : For(app).AppSecret;

    public const string EmulatorSecret = "daiban-emulator-secret";
}

/// <summary>
/// Refuses to start with real WeChat while a push secret is still the emulator's default: those values are public
/// (README), so anyone could sign pushes to us. Each failure names the settings to set.
/// </summary>
internal sealed class WeChatOptionsValidator : IValidateOptions<WeChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        var failures = new List<string>();
        if (!options.EmulatorEnabled)
        {
            var apps = new[] { ("MiniProgram", options.MiniProgram), ("OfficialAccount", options.OfficialAccount) };
            foreach (var (section, app) in apps)
            {
                var defaults = new List<string>();
                if (app.Token == WeChatOptions.DefaultToken)
                    defaults.Add($"WeChat:{section}:Token");
                if (app.EncodingAESKey == WeChatOptions.DefaultEncodingAesKey)
                    defaults.Add($"WeChat:{section}:EncodingAESKey");
                if (defaults.Count > 0)
                {
                    var variables = string.Join(", ", defaults.Select(d => d.Replace(":", "__")));
                    failures.Add($"{string.Join(" and ", defaults)} still hold the emulator's public default, which " +
                                 "anyone can use to sign pushes. With real WeChat set them to the values of the " +
                                 $"WeChat console (environment {variables}).");
                }
            }
        }
        if (options.EmulatorEnabled && options.Emulator.PushSecurity == PushSecurity.Plain
            && (options.MiniProgram.EncodingAESKey.Length > 0 || options.OfficialAccount.EncodingAESKey.Length > 0))
            failures.Add("WeChat:Emulator:PushSecurity is Plain, but with an EncodingAESKey only safe-mode pushes " +
                         "are accepted: set WeChat:MiniProgram:EncodingAESKey and " +
                         "WeChat:OfficialAccount:EncodingAESKey to empty.");
        if (options.PushTimestampTolerance <= TimeSpan.Zero || options.PushTimestampTolerance > TimeSpan.FromHours(1))
            failures.Add("WeChat:PushTimestampTolerance must be between 00:00:01 and 01:00:00.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
