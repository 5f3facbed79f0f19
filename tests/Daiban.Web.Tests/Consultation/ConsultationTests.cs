using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Consultation;
using Daiban.Core.Persistence;
using Daiban.WeChat;
using Daiban.WeChat.Api;
using Daiban.WeChat.Emulator;
using Daiban.Web.Cases;
using Daiban.Web.Consultation;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Consultation;

/// <summary>The consultation bot through every channel, on MariaDB and Redis, with the WeChat emulator.</summary>
[Collection(HostCollection.Name)]
public sealed class ConsultationTests : StaffAppTest
{
    private static readonly string[] Agents = ["liqiang", "zhangli", "zhaogang"];

    private WeChatEmulator Emulator => App.Services.GetRequiredService<WeChatEmulator>();

    /// <summary>Every agent follows the Official Account and has bound its openid there ("oa-" + user name).</summary>
    private async Task BindAgentsToOfficialAccountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        foreach (var staff in await db.Staff.Where(s => Agents.Contains(s.UserName)).ToListAsync())
        {
            staff.BindOfficialAccount($"oa-{staff.UserName}", DateTimeOffset.UtcNow);
            Emulator.Follow($"oa-{staff.UserName}");
        }
        await db.SaveChangesAsync();
    }

    private List<SentMessage> CustomerService(string openId) => Emulator.Messages(openId).Where(m => m.Kind == "customer-service").ToList();

    [Fact]
    public async Task CustomerServiceUser_IsAnswered_HandedOff_AndTheAgentsReplyReachesWeChat()
    {
        await BindAgentsToOfficialAccountAsync();
        var client = App.CreateClient();
        const string openId = "oConsultHandoff000000000001";

        await client.PostAsJsonAsync("/_wx/test/user-message", new { openId, text = "施工证要多久？" });
        var first = await Eventually.UntilAsync(() => CustomerService(openId), m => m.Count == 1);
        Assert.Contains("承诺办结时限", first[0].Content);

        await client.PostAsJsonAsync("/_wx/test/user-message", new { openId, text = "我想转人工" });
        var second = await Eventually.UntilAsync(() => CustomerService(openId), m => m.Count == 2);
        Assert.Contains("转接人工", second[1].Content);

        // The chosen agent gets one template message on the Official Account.
        var notified = await Eventually.UntilAsync(() => Agents.SelectMany(a => Emulator.Messages($"oa-{a}")).Where(m => m.TemplateId == StaffApp.ConsultationTemplate).ToList(),
            m => m.Count > 0);
        var agentUser = Assert.Single(notified).ToUser["oa-".Length..];
        var agent = await App.SignedInAsync(agentUser);

        var queue = await ProblemAssert.OkAsync<List<ConversationSummary>>(await agent.GetAsync("/api/staff/consultations"));
        var summary = Assert.Single(queue);
        Assert.Equal("HandedOff", summary.Status);
        Assert.Equal("用户要求转人工", summary.HandoffReason);
        var transcript = await ProblemAssert.OkAsync<ConversationView>(await agent.GetAsync($"/api/staff/consultations/{summary.Id}"));
        Assert.Equal(["User", "Bot", "User", "Bot"], transcript.Messages.Select(m => m.Author));
        Assert.Equal("施工证要多久？", transcript.Messages[0].Text);
        Assert.Contains(transcript.Messages[1].Sources, s => s.Id == "item:S3-03");
        Assert.True(transcript.CanReplyInWeChat);

        // Another agent does not see it at all.
        var other = await App.SignedInAsync(Agents.First(a => a != agentUser));
        await ProblemAssert.IsProblemAsync(await other.GetAsync($"/api/staff/consultations/{summary.Id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await other.PostAsJsonAsync($"/api/staff/consultations/{summary.Id}/replies", new { text = "抢答" }), HttpStatusCode.NotFound);

        await ProblemAssert.OkAsync<ChatMessageView>(await agent.PostAsJsonAsync($"/api/staff/consultations/{summary.Id}/replies",
            new { text = "您好，我是代办员。施工许可证承诺3个工作日办结，材料我发您清单。" }));
        var third = await Eventually.UntilAsync(() => CustomerService(openId), m => m.Count == 3);
        Assert.StartsWith("您好，我是代办员", third[2].Content);
    }

    [Fact]
    public async Task ARetriedPush_IsAnsweredOnce_AndRecordedOnce()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IConsultationBot>();
        var asker = new Asker(ConversationChannel.CustomerService, "oConsultRetry0000000000001", WeChatApp: "MiniProgram", ExternalId: "in:42");

        var first = await bot.AskAsync("代办收费吗", asker, CancellationToken.None);
        var retried = await bot.AskAsync("代办收费吗", asker, CancellationToken.None);

        Assert.Equal(first.Answer.Answer, retried.Answer.Answer);
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        Assert.Equal(2, await db.Set<ConversationMessage>().CountAsync(m => m.ConversationId == first.ConversationId));
    }

    [Fact]
    public async Task AFollowUp_InTheSameSession_KeepsTheItem()
    {
        var client = App.CreateClient();
        var first = await ProblemAssert.OkAsync<AskResponse>(await client.PostAsJsonAsync("/api/chat/ask", new { question = "施工许可证要准备哪些材料？" }));
        Assert.Equal("item:S3-03", first.Sources[0].Id);

        var followUp = await ProblemAssert.OkAsync<AskResponse>(await client.PostAsJsonAsync("/api/chat/ask", new { question = "那要多久？", sessionId = first.SessionId }));
        Assert.Equal(BotIntents.ItemTimeLimit, followUp.Intent);
        Assert.Contains("承诺办结时限3个工作日", followUp.Answer);
        Assert.Equal("item:S3-03", followUp.Sources[0].Id);
    }

    [Fact]
    public async Task ASessionIdTheClientMadeUp_IsNotUsed_SoNobodyCanGuessAnotherTranscript()
    {
        var client = App.CreateClient();
        const string chosen = "aaaaaaaaaaaaaaaa";

        var asked = await ProblemAssert.OkAsync<AskResponse>(await client.PostAsJsonAsync("/api/chat/ask",
            new { question = "施工许可证要准备哪些材料？", sessionId = chosen }));

        Assert.NotEqual(chosen, asked.SessionId);
        Assert.Matches("^[0-9a-f]{32}$", asked.SessionId);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/chat/sessions/{chosen}/messages")).StatusCode);
        var mine = await ProblemAssert.OkAsync<List<ChatMessageView>>(
            await client.GetAsync($"/api/chat/sessions/{asked.SessionId}/messages"));
        Assert.Contains(mine, m => m.Text == "施工许可证要准备哪些材料？");
    }

    [Fact]
    public async Task AnonymousSession_Continues_RepeatedUnsureAnswers_GoToThePeoplesQueue_AndTheReplyShowsInTheSession()
    {
        var client = App.CreateClient();
        var first = await ProblemAssert.OkAsync<AskResponse>(await client.PostAsJsonAsync("/api/chat/ask", new { question = "乳山哪家海鲜饭店好吃" }));
        Assert.False(first.Handoff);
        Assert.Equal(BotIntents.OutOfScope, first.Intent);
        Assert.Empty(first.Sources);
        Assert.Matches("^[0-9a-f]{32}$", first.SessionId);

        var second = await ProblemAssert.OkAsync<AskResponse>(await client.PostAsJsonAsync("/api/chat/ask", new { question = "那哪里的烧烤好吃", sessionId = first.SessionId }));
        Assert.True(second.Handoff);
        Assert.Equal("HandedOff", second.Status);

        var clerk = await App.SignedInAsync("wangmin");
        var conversation = Assert.Single(await ProblemAssert.OkAsync<List<ConversationSummary>>(await clerk.GetAsync("/api/staff/consultations?status=HandedOff")));
        Assert.Equal("机器人连续未能答准", conversation.HandoffReason);
        await ProblemAssert.OkAsync<ChatMessageView>(await clerk.PostAsJsonAsync($"/api/staff/consultations/{conversation.Id}/replies", new { text = "这类问题不在我们的服务范围，祝您用餐愉快。" }));

        var messages = await ProblemAssert.OkAsync<List<ChatMessageView>>(await client.GetAsync($"/api/chat/sessions/{first.SessionId}/messages"));
        Assert.Equal(["User", "Bot", "User", "Bot", "Agent"], messages.Select(m => m.Author));
        var newer = await ProblemAssert.OkAsync<List<ChatMessageView>>(await client.GetAsync($"/api/chat/sessions/{first.SessionId}/messages?after={messages[3].Id}"));
        Assert.Equal("Agent", Assert.Single(newer).Author);
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/chat/sessions/{new string('0', 32)}/messages"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AReopenedMiniProgramChat_KnowsItWasHandedOff_AndNamesWhoReplied()
    {
        var user = await App.MiniProgramUserAsync("oConsultReopenUser0000001");
        var before = await ProblemAssert.OkAsync<MyChatView>(await user.GetAsync("/api/mp/chat"));
        const string question = "转人工，想问问海岸再生厂房的事";
        await ProblemAssert.OkAsync<AskResponse>(await user.PostAsJsonAsync("/api/chat/ask", new { question }));
        var clerk = await App.SignedInAsync("wangmin");
        ConversationView? conversation = null;
        foreach (var c in await ProblemAssert.OkAsync<List<ConversationSummary>>(
                     await clerk.GetAsync("/api/staff/consultations?status=HandedOff")))
        {
            var detail = await ProblemAssert.OkAsync<ConversationView>(
                await clerk.GetAsync($"/api/staff/consultations/{c.Id}"));
            if (detail.Messages.Any(m => m.Text == question))
                conversation = detail;
        }
        await ProblemAssert.OkAsync<ChatMessageView>(await clerk.PostAsJsonAsync(
            $"/api/staff/consultations/{conversation!.Id}/replies", new { text = "您好，我是综合窗口王敏" }));

        var reopened = await ProblemAssert.OkAsync<MyChatView>(await user.GetAsync("/api/mp/chat"));

        Assert.Equal(("Bot", 0), (before.Status, before.Messages.Count));
        Assert.Equal("HandedOff", reopened.Status);
        Assert.Equal(["User", "Bot", "Agent"], reopened.Messages.Select(m => m.Author));
        Assert.Equal("王敏", reopened.Messages[^1].AuthorName);
        Assert.Null(reopened.Messages[0].AuthorName);
    }

    [Fact]
    public async Task ProgressQuestions_AnswerFromTheAskersOwnCasesOnly()
    {
        var alice = await App.MiniProgramUserAsync("oConsultProgressAlice00001");
        var bob = await App.MiniProgramUserAsync("oConsultProgressBob000001");
        var aliceCase = await ApplyAsync(alice, "乳山市海岸新材料有限公司", "91110000802100433B", "海岸研发楼");
        var bobCase = await ApplyAsync(bob, "乳山市北方重工有限公司", "91110108551385082Q", "北方重工二期厂房");

        var aliceAnswer = await ProblemAssert.OkAsync<AskResponse>(await alice.PostAsJsonAsync("/api/chat/ask", new { question = "我的案件办到哪一步了？" }));
        Assert.Equal(BotIntents.Progress, aliceAnswer.Intent);
        Assert.Contains(aliceCase.CaseNumber, aliceAnswer.Answer);
        Assert.DoesNotContain(bobCase.CaseNumber, aliceAnswer.Answer);
        Assert.Equal($"case:{aliceCase.Id}", Assert.Single(aliceAnswer.Sources).Id);

        var bobAnswer = await ProblemAssert.OkAsync<AskResponse>(await bob.PostAsJsonAsync("/api/chat/ask", new { question = "查一下进度" }));
        Assert.Contains(bobCase.CaseNumber, bobAnswer.Answer);
        Assert.DoesNotContain(aliceCase.CaseNumber, bobAnswer.Answer);

        // Anonymous: no case of anyone's, only how to look it up.
        var anonymous = await ProblemAssert.OkAsync<AskResponse>(await App.CreateClient().PostAsJsonAsync("/api/chat/ask", new { question = "我的案件办到哪一步了？" }));
        Assert.Contains("登录", anonymous.Answer);
        Assert.DoesNotContain("DB", anonymous.Answer);

        // The signed-in user's conversation is readable in the mini-program chat.
        var chat = await ProblemAssert.OkAsync<List<ChatMessageView>>(await alice.GetAsync("/api/mp/chat/messages"));
        Assert.Equal(2, chat.Count);
    }

    private static async Task<EnterpriseCaseView> ApplyAsync(HttpClient user, string enterprise, string creditCode, string project)
    {
        await ProblemAssert.OkAsync<EnterpriseBinding>(await user.PostAsJsonAsync("/api/mp/enterprises", new { enterpriseName = enterprise, creditCode, contactName = "经办人" }));
        var apply = new HttpRequestMessage(HttpMethod.Post, "/api/mp/cases")
        {
            Content = JsonContent.Create(new { mode = "Agency", stages = new[] { 3 }, request = "代办施工许可", project = new { name = project, location = "乳山市", investmentType = "Social", kind = "Industrial" } }),
        };
        apply.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var response = await user.SendAsync(apply);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EnterpriseCaseView>(TestJson.Options))!;
    }

    [Fact]
    public async Task BadQuestions_GetAChineseProblem_AndChangeNothing()
    {
        var client = App.CreateClient();
        var empty = await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/chat/ask", new { question = "  " }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("问题", empty.GetProperty("title").GetString());
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/chat/ask", new { question = new string('问', 501) }), HttpStatusCode.UnprocessableEntity);
        var session = await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/chat/ask", new { question = "收费吗", sessionId = "x'; drop" }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("会话标识", session.GetProperty("title").GetString());

        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Conversations.CountAsync());
    }

    [Fact]
    public async Task AdminEditsAnFaqAnswer_TheBotSaysTheNewOne_AndTheChangeIsAudited()
    {
        var client = App.CreateClient();
        var before = await ProblemAssert.OkAsync<AskResponse>(await client.PostAsJsonAsync("/api/chat/ask", new { question = "城建档案什么时候交？" }));
        Assert.Contains("3个月", before.Answer);
        Assert.Equal("faq:s4-archives", before.Sources[0].Id);

        var agent = await App.SignedInAsync("zhangli");
        await ProblemAssert.IsProblemAsync(await agent.PutAsJsonAsync("/api/staff/faq/s4-archives", new { answer = "随便" }), HttpStatusCode.Forbidden);
        var admin = await App.SignedInAsync("admin");
        await ProblemAssert.OkAsync<FaqView>(await admin.PutAsJsonAsync("/api/staff/faq/s4-archives",
            new { answer = "工程竣工验收合格后3个月内，向市城建档案馆移交一套完整的纸质和电子档案。" }));

        var after = await ProblemAssert.OkAsync<AskResponse>(await client.PostAsJsonAsync("/api/chat/ask", new { question = "城建档案什么时候交？" }));
        Assert.Contains("纸质和电子档案", after.Answer);
        await using var scope = App.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().AuditEntries.SingleAsync(a => a.Action == "faq.update");
        Assert.Equal("s4-archives", audit.EntityId);
        Assert.Equal("系统管理员", audit.ActorName);
    }
}

/// <summary>Hosts with the chat's limits changed: a low rate limit, and the content check on against the emulator.</summary>
[Collection(HostCollection.Name)]
public sealed class ChatLimitsTests
{
    [Fact]
    public async Task TooManyQuestions_Get429_WithAChineseTitle()
    {
        await DaibanAppFactory.WithOwnHostAsync(new() { ["Chat:QuestionsPerMinute"] = "2" }, async app =>
        {
        var client = app.CreateClient();
        for (var i = 0; i < 2; i++)
            await ProblemAssert.OkAsync<AskResponse>(await client.PostAsJsonAsync("/api/chat/ask", new { question = "收费吗" }));

        var limited = await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/chat/ask", new { question = "收费吗" }), HttpStatusCode.TooManyRequests);

        Assert.Equal("提问过于频繁，请一分钟后再试", limited.GetProperty("title").GetString());
        });
    }

    [Fact]
    public async Task TheLimit_HoldsForTheCluster_NotPerInstance()
    {
        var settings = new Dictionary<string, string> { ["Chat:QuestionsPerMinute"] = "2" };
        await DaibanAppFactory.WithOwnHostAsync(settings, async first =>
        {
            await using var second = new DaibanAppFactory(DatabaseProvider.MySql, Daiban.Testing.TestServers.Redis, sharedDatabase: first.Database, settings: settings);
            var user = await first.MiniProgramUserAsync("oRateAcrossInstances00001");
            var sameUserOnSecond = second.CreateClient();
            sameUserOnSecond.DefaultRequestHeaders.Authorization = user.DefaultRequestHeaders.Authorization;

            await ProblemAssert.OkAsync<AskResponse>(await user.PostAsJsonAsync("/api/chat/ask", new { question = "收费吗" }));
            await ProblemAssert.OkAsync<AskResponse>(await sameUserOnSecond.PostAsJsonAsync("/api/chat/ask", new { question = "收费吗" }));
            var limited = await sameUserOnSecond.PostAsJsonAsync("/api/chat/ask", new { question = "收费吗" });
            var otherUser = await (await second.MiniProgramUserAsync("oRateAcrossInstances00002")).PostAsJsonAsync("/api/chat/ask", new { question = "收费吗" });

            await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
            Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
            await ProblemAssert.OkAsync<AskResponse>(otherUser);
        });
    }

    [Fact]
    public async Task RiskyText_FromAWeChatUser_IsRefused_BeforeTheBotSeesIt()
    {
        await DaibanAppFactory.WithOwnHostAsync(new() { ["WeChat:ContentCheck"] = "true" }, async app =>
        {
        var user = await app.MiniProgramUserAsync("oConsultRisky00000000001");

        var refused = await ProblemAssert.OkAsync<AskResponse>(await user.PostAsJsonAsync("/api/chat/ask", new { question = "能帮忙代开发票吗" }));
        var fine = await ProblemAssert.OkAsync<AskResponse>(await user.PostAsJsonAsync("/api/chat/ask", new { question = "代办收费吗" }));

        Assert.Equal(BotIntents.Refused, refused.Intent);
        Assert.Equal(BotIntents.Consult, fine.Intent);

        // The same check guards customer-service messages pushed by WeChat.
        var emulator = app.Services.GetRequiredService<WeChatEmulator>();
        await app.CreateClient().PostAsJsonAsync("/_wx/test/user-message", new { openId = "oConsultRiskyPush00000001", text = "能帮忙代开发票吗" });
        for (var i = 0; i < 100 && emulator.Messages("oConsultRiskyPush00000001").Count == 0; i++)
            await Task.Delay(50);
        Assert.Equal(ContentCheck.RefusedText, Assert.Single(emulator.Messages("oConsultRiskyPush00000001")).Content);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Set<ConversationMessage>().CountAsync());
        });
    }
}
