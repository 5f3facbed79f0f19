using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.Web.Accounts;
using Daiban.Web.Tests.Support;
using Daiban.WeChat.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Daiban.Web.Tests.WeChat;

/// <summary>
/// The emulator as its own process, shared by two instances on one MariaDB and Redis, as the fault suite runs it:
/// every call goes over loopback sockets, and a push whose first instance is down is retried on the other.
/// </summary>
public sealed class SharedEmulatorTests
{
    private static readonly Dictionary<string, string?> WeChatSettings = new()
    {
        ["WeChat:MiniProgram:AppSecret"] = "shared-emulator-mp-secret",
        ["WeChat:OfficialAccount:AppSecret"] = "shared-emulator-oa-secret",
        ["WeChat:MiniProgram:Token"] = "sharedEmulatorToken",
        ["WeChat:OfficialAccount:Token"] = "sharedEmulatorToken",
        ["WeChat:MiniProgram:EncodingAESKey"] = "SharedEmulatorEncodingAESKey0123456789abcde",
        ["WeChat:OfficialAccount:EncodingAESKey"] = "SharedEmulatorEncodingAESKey0123456789abcde",
    };

    [Fact]
    public async Task Two_instances_share_one_emulator_and_a_push_to_a_dead_instance_reaches_the_other()
    {
        int emulatorPort = FreePort(), firstPort = FreePort(), secondPort = FreePort();
        var emulatorSettings = new Dictionary<string, string?>(WeChatSettings)
        {
            ["WeChat:Emulator:PushTargets:0"] = $"http://127.0.0.1:{firstPort}",
            ["WeChat:Emulator:PushTargets:1"] = $"http://127.0.0.1:{secondPort}",
        };
        await using var emulator = EmulatorHost.Build(["--urls", $"http://127.0.0.1:{emulatorPort}"],
            b => b.Configuration.AddInMemoryCollection(emulatorSettings));
        await emulator.StartAsync();
        var appSettings = WeChatSettings.ToDictionary(s => s.Key, s => s.Value!);
        appSettings["WeChat:Emulator:Enabled"] = "false";
        appSettings["WeChat:ApiBaseUrl"] = $"http://127.0.0.1:{emulatorPort}/_wx/";

        // Neither instance owns the database, so stopping one leaves it to the other.
        await using var database = new TestDatabase(DatabaseProvider.MySql);
        await database.InitializeAsync();
        var first = new DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis, sharedDatabase: database,
            settings: appSettings);
        var second = new DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis, sharedDatabase: database,
            settings: appSettings);
        first.UseKestrel(firstPort);
        second.UseKestrel(secondPort);
        await ((IAsyncLifetime)first).InitializeAsync();
        await ((IAsyncLifetime)second).InitializeAsync();
        var wx = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{emulatorPort}/_wx/") };
        var secondClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{secondPort}/") };
        try
        {
            // Signing in goes from the instance to the shared emulator with the configured secret.
            var openId = $"oShared{Guid.NewGuid():N}"[..28];
            var code = await (await wx.PostAsJsonAsync("test/login-code", new { openId }))
                .Content.ReadFromJsonAsync<LoginCodeResponse>();
            var login = await secondClient.PostAsJsonAsync("/api/mp/auth/login", new { code = code!.Code });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.False(string.IsNullOrEmpty((await login.Content.ReadFromJsonAsync<LoginResponse>())!.Token));

            // A user's text, pushed to whichever instance comes first, is answered once through the emulator.
            var asked = await UserMessageAsync(wx, openId, "办理施工许可证需要什么材料？");
            Assert.Equal("success", asked.Verdict);
            var replies = await Eventually.UntilAsync(() => CustomerServiceAsync(wx, openId), r => r.Count == 1);
            Assert.Contains("建筑工程施工许可申请表", replies[0].Content);

            // With the first instance gone, a push sent there first is retried on the second.
            await ((IAsyncLifetime)first).DisposeAsync();
            var reports = new List<PushDeliveryReport>();
            for (var i = 0; i < 2; i++)
                reports.Add(await UserMessageAsync(wx, openId, $"施工许可证多久能办好？{i}"));
            Assert.All(reports, r => Assert.Equal("success", r.Verdict));
            Assert.Contains(reports, r => r.Deliveries == 2);
            await Eventually.UntilAsync(() => CustomerServiceAsync(wx, openId), r => r.Count == 3);
            await Task.Delay(500);
            Assert.Equal(3, (await CustomerServiceAsync(wx, openId)).Count);
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
            await ((IAsyncLifetime)first).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_stalled_answer_outlasts_the_callers_timeout_once()
    {
        var port = FreePort();
        await using var emulator = EmulatorHost.Build(["--urls", $"http://127.0.0.1:{port}"],
            b => b.Configuration.AddInMemoryCollection(WeChatSettings));
        await emulator.StartAsync();
        var wx = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/_wx/") };
        // The second client's budget is far under the stall, so a second stalled answer fails, yet wide enough
        // for a loaded CI machine (a 0.5 s budget once timed out on a fresh connection there).
        var impatient = new HttpClient { BaseAddress = wx.BaseAddress, Timeout = TimeSpan.FromSeconds(1) };
        var patient = new HttpClient { BaseAddress = wx.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var credentials = new
        {
            grant_type = "client_credential", appid = "wx5d1a2b3c4e5f6a01", secret = "shared-emulator-mp-secret",
        };

        var injected = await wx.PostAsJsonAsync("test/faults",
            new { path = "cgi-bin/stable_token", errCode = 0, times = 1, stallMs = 10_000 });
        var missing = await wx.PostAsJsonAsync("test/login-code", new { openId = "" });

        Assert.Equal(HttpStatusCode.NoContent, injected.StatusCode);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.UnprocessableEntity);
        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsJsonAsync("cgi-bin/stable_token",
            credentials));
        var token = await patient.PostAsJsonAsync("cgi-bin/stable_token", credentials);
        Assert.Contains("access_token", await token.Content.ReadAsStringAsync());
    }

    private static async Task<PushDeliveryReport> UserMessageAsync(HttpClient wx, string openId, string text) =>
        (await (await wx.PostAsJsonAsync("test/user-message", new { openId, text }))
            .Content.ReadFromJsonAsync<PushDeliveryReport>())!;

    private static async Task<List<SentMessage>> CustomerServiceAsync(HttpClient wx, string openId) =>
        (await wx.GetFromJsonAsync<List<SentMessage>>($"test/messages?touser={openId}"))!
        .Where(m => m.Kind == "customer-service").ToList();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
