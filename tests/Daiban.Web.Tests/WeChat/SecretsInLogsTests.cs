using System.Collections.Concurrent;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.WeChat;
using Daiban.WeChat.Api;
using Daiban.WeChat.Emulator;
using Daiban.Web.Cases;
using Daiban.Web.Staff;
using Daiban.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Daiban.Web.Tests.WeChat;

/// <summary>Every log line the host writes while logging in, fetching tokens and failing calls: no secret, token, session key or full phone number.</summary>
[Collection(HostCollection.Name)]
public sealed class SecretsInLogsTests
{
    private sealed class CapturingProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(CapturingProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue($"{category} {formatter(state, exception)} {exception}");
        }
    }

    private sealed class LoggedApp(CapturingProvider provider) : DaibanAppFactory(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
        }
    }

    [Fact]
    public async Task NothingSecret_ReachesTheLogs()
    {
        var provider = new CapturingProvider();
        await using var app = new LoggedApp(provider);
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var client = app.CreateClient();
            var emulator = app.Services.GetRequiredService<WeChatEmulator>();
            const string openId = "oSecretsCheck000001";
            var login = await client.PostAsJsonAsync("/api/mp/auth/login", new { code = emulator.IssueLoginCode(openId) });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<Daiban.Web.Accounts.LoginResponse>())!.Token;
            emulator.InjectFault("cgi-bin/message/custom/send", 40001, 1);
            emulator.InjectFault("wxa/business/getuserphonenumber", 45011, 1);
            await client.PostAsJsonAsync("/_wx/test/user-message", new { openId, text = "您好" });
            await using var scope = app.Services.CreateAsyncScope();
            var wechat = scope.ServiceProvider.GetRequiredService<WeChatApiClient>();
            await Assert.ThrowsAsync<WeChatApiException>(() => wechat.GetPhoneNumberAsync(new PhoneNumberRequest(emulator.IssuePhoneCode("13806319999", openId)), CancellationToken.None));
            // The push is answered in the background (the first answer also builds the knowledge index): wait for its send.
            for (var i = 0; i < 200 && !provider.Lines.ToArray().Any(l => l.Contains("refused the MiniProgram access token")); i++)
                await Task.Delay(50);

            var accessToken = await app.Services.GetRequiredService<AccessTokenProvider>().GetAsync(WeChatApp.MiniProgram, CancellationToken.None);
            var user = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().MiniProgramUsers.SingleAsync(u => u.OpenId == openId);
            var sessionKey = scope.ServiceProvider.GetRequiredService<SessionKeyProtector>().Unprotect(user.SessionKeyCipher);
            var logs = string.Join("\n", provider.Lines);

            Assert.Contains("refused the MiniProgram access token", logs);
            Assert.DoesNotContain(WeChatOptions.EmulatorSecret, logs);
            Assert.DoesNotContain(accessToken, logs);
            Assert.DoesNotContain(sessionKey, logs);
            Assert.DoesNotContain(token, logs);
            Assert.DoesNotContain("13806319999", logs);
            Assert.DoesNotContain("access_token=", logs);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
