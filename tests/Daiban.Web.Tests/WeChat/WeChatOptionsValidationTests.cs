using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Tests.WeChat;

/// <summary>
/// Issue 16 item 5: the emulator's Token and EncodingAESKey are printed in the README; with real WeChat they would let
/// anyone sign pushes to us, so the host must not start with them.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WeChatOptionsValidationTests
{
    private static readonly Dictionary<string, string> RealSecrets = new()
    {
        ["WeChat:MiniProgram:AppSecret"] = "real-mini-program-secret",
        ["WeChat:OfficialAccount:AppSecret"] = "real-official-account-secret",
    };

    private static async Task<Exception?> StartAsync(Dictionary<string, string> settings)
    {
        var host = new DaibanAppFactory(DatabaseProvider.Sqlite, settings: settings);
        try
        {
            await ((IAsyncLifetime)host).InitializeAsync();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
        finally
        {
            await ((IAsyncLifetime)host).DisposeAsync();
        }
    }

    private static Dictionary<string, string> With(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>(RealSecrets);
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task WithRealSecrets_TheEmulatorsTokensAndKeys_StopStartUp_NamingEachSetting()
    {
        var failure = await StartAsync(RealSecrets);

        var e = Assert.IsType<OptionsValidationException>(failure);
        foreach (var setting in new[] { "WeChat:MiniProgram:Token", "WeChat:MiniProgram:EncodingAESKey", "WeChat:OfficialAccount:Token",
                     "WeChat:OfficialAccount:EncodingAESKey" })
            Assert.Contains(setting, e.Message);
    }

    [Fact]
    public async Task OnlyTheOfficialAccountLeftOnDefaults_IsNamedAlone()
    {
        var failure = await StartAsync(With(("WeChat:MiniProgram:Token", "mp-real-token"),
            ("WeChat:MiniProgram:EncodingAESKey", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")));

        var e = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains("WeChat:OfficialAccount:Token and WeChat:OfficialAccount:EncodingAESKey", e.Message);
        Assert.DoesNotContain("WeChat:MiniProgram:", e.Message);
    }
}
