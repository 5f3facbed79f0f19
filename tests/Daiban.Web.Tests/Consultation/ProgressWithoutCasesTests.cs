using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.Web.Consultation;
using Daiban.Web.Tests.Support;

namespace Daiban.Web.Tests.Consultation;

/// <summary>The bot tells a user without cases how soon the window registers an application: the configured rule.</summary>
[Collection(HostCollection.Name)]
public sealed class ProgressWithoutCasesTests : IAsyncLifetime
{
    private readonly DaibanAppFactory _app = new(DatabaseProvider.Sqlite, TestServers.Redis,
        settings: new Dictionary<string, string> { ["ServiceRules:RegistrationWorkingDays"] = "2" });

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task AskingAboutProgress_WithNoCase_QuotesTheConfiguredRegistrationLimit()
    {
        var user = await _app.MiniProgramUserAsync("oProgressWithoutCases0001");

        var answer = await ProblemAssert.OkAsync<AskResponse>(
            await user.PostAsJsonAsync("/api/chat/ask", new { question = "我的申请到哪一步了？" }));

        Assert.Contains("您名下还没有帮办代办包办案件", answer.Answer);
        Assert.Contains("2个工作日内登记", answer.Answer);
    }
}
