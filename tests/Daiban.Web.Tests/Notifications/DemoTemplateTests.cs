using System.Net.Http.Json;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.Web.Cases;
using Daiban.Web.Enterprises;
using Daiban.Web.Notifications;
using Daiban.Web.Tests.Support;
using Daiban.WeChat;
using Daiban.WeChat.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Notifications;

/// <summary>
/// A fresh checkout configures no template: with the emulator every key has its demo id, so the subscribe path
/// works end to end; real ids come from one PascalCase setting per key.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DemoTemplateTests : IAsyncLifetime
{
    private const string Password = "Daiban-demo-2026";

    private readonly DaibanAppFactory _app = new(DatabaseProvider.Sqlite, demoData: true,
        settings: new Dictionary<string, string> { ["Demo:StaffPassword"] = Password });

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task AFreshHost_DeliversASubscribeMessage_ForAConsentedKey()
    {
        const string openId = "oDemoTemplates0000000001";
        var enterprise = await _app.MiniProgramUserAsync(openId);
        // The mini-program learns the ids here: every enterprise key, and only those.
        var states = await ProblemAssert.OkAsync<List<SubscriptionState>>(await enterprise.GetAsync("/api/mp/subscriptions"));
        Assert.Equal(NoticeKeys.ToEnterprises.Order(), states.Select(s => s.TemplateKey).Order());
        Assert.All(states, s => Assert.Equal(TemplateOptions.DemoId(s.TemplateKey), s.TemplateId));
        var registered = states.Single(s => s.TemplateKey == NoticeKeys.CaseRegistered).TemplateId;

        var binding = await ProblemAssert.OkAsync<EnterpriseBinding>(await enterprise.PostAsJsonAsync("/api/mp/enterprises",
            new { enterpriseName = "乳山市海岸新材料有限公司", creditCode = "91110000802100433B", contactName = "孙海" }));
        var view = await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync("/api/mp/cases", new
        {
            contactId = binding.ContactId, mode = "Agency", stages = new[] { 3 }, request = (string?)null,
            project = new { name = "海岸新材料研发楼", location = "乳山市经济开发区", investmentType = "Social", kind = "Industrial" },
        }));
        // The user accepts at the tap that applies; WeChat pushes the choice.
        await enterprise.PostAsJsonAsync("/_wx/test/subscribe", new { openId, templateId = registered, count = 1 });
        var granted = await Eventually.UntilAsync(async () => await ProblemAssert.OkAsync<List<SubscriptionState>>(
            await enterprise.GetAsync("/api/mp/subscriptions")), l => l.Single(s => s.TemplateId == registered).Remaining == 1);
        Assert.Equal(1, granted.Single(s => s.TemplateId == registered).Remaining);

        var clerk = _app.CreateClient();
        var login = await (await clerk.PostAsJsonAsync("/api/staff/auth/login", new { userName = "wangmin", password = Password }))
            .Content.ReadFromJsonAsync<Daiban.Web.Staff.StaffLoginResponse>();
        clerk.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsync($"/api/staff/cases/{view.Id}/register", null));

        var emulator = _app.Services.GetRequiredService<WeChatEmulator>();
        var sent = Assert.Single(await Eventually.UntilAsync(() => emulator.Messages(openId), m => m.Count > 0));
        Assert.Equal("subscribe", sent.Kind);
        Assert.Equal(registered, sent.TemplateId);
        Assert.Equal($"pages/case/case?id={view.Id}", sent.Page);
    }

    [Fact]
    public void EachKey_IsBoundFromItsPascalCaseSetting()
    {
        var settings = NoticeKeys.Templated.ToDictionary(k => $"WeChat:Templates:{TemplateOptions.SettingName(k)}",
            k => (string?)$"id-{k}");
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(WeChatOptions.SectionName).Get<WeChatOptions>()!;
        foreach (var key in NoticeKeys.Templated)
        {
            Assert.True(options.Templates.TryGet(key, out var id), key);
            Assert.Equal($"id-{key}", id);
        }
        Assert.Equal("ItemApproved", TemplateOptions.SettingName(NoticeKeys.ItemApproved));
        // The hyphenated form of before is not a setting: it configures nothing.
        var old = new ConfigurationBuilder().AddInMemoryCollection([new("WeChat:Templates:item-approved", "x")]).Build()
            .GetSection(WeChatOptions.SectionName).Get<WeChatOptions>()!;
        Assert.Empty(old.Templates.Configured());
    }
}
