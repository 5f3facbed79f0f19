using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.WeChat.Emulator;
using Daiban.Web.Accounts;
using Daiban.Web.Cases;
using Daiban.Web.Notifications;
using Daiban.Web.Staff;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Staff;

[Collection(HostCollection.Name)]
public sealed class StaffBindingTests : StaffAppTest
{
    private async Task<(string? OfficialAccount, string? MiniProgram)> BindingsAsync(string userName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var s = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Staff.AsNoTracking().SingleAsync(x => x.UserName == userName);
        return (s.OfficialAccountOpenId, s.MiniProgramOpenId);
    }

    [Fact]
    public async Task OfficialAccount_BindsBySendingTheCode_Once()
    {
        var agent = await App.SignedInAsync("liqiang");
        var code = (await (await agent.PostAsync("/api/staff/me/binding-code", null)).Content.ReadFromJsonAsync<BindingCodeResponse>())!.Code;
        const string oaOpenId = "oOfficialLiqiang0001";

        var report = await agent.PostAsJsonAsync("/_wx/test/user-message", new { openId = oaOpenId, text = $"绑定 {code}", app = "officialaccount" });

        Assert.Equal("success", (await report.Content.ReadFromJsonAsync<PushDeliveryReport>())!.Verdict);
        var emulator = App.Services.GetRequiredService<WeChatEmulator>();
        for (var i = 0; i < 100 && emulator.Messages(oaOpenId).Count == 0; i++)
            await Task.Delay(50);
        Assert.Contains("绑定成功", Assert.Single(emulator.Messages(oaOpenId)).Content);
        Assert.Equal(oaOpenId, (await BindingsAsync("liqiang")).OfficialAccount);

        // The same code again binds nobody.
        await agent.PostAsJsonAsync("/_wx/test/user-message", new { openId = "oOfficialIntruder01", text = $"绑定 {code}", app = "officialaccount" });
        for (var i = 0; i < 100 && emulator.Messages("oOfficialIntruder01").Count == 0; i++)
            await Task.Delay(50);
        Assert.Contains("无效", Assert.Single(emulator.Messages("oOfficialIntruder01")).Content);
        Assert.Equal(oaOpenId, (await BindingsAsync("liqiang")).OfficialAccount);
    }

    [Fact]
    public async Task MiniProgram_BindsWithTheCode_AndRefusesAWrongOne()
    {
        var agent = await App.SignedInAsync("zhangli");
        var code = (await (await agent.PostAsync("/api/staff/me/binding-code", null)).Content.ReadFromJsonAsync<BindingCodeResponse>())!.Code;
        var phone = await App.MiniProgramUserAsync("oMiniZhangli0001");

        await ProblemAssert.IsProblemAsync(await phone.PostAsJsonAsync("/api/mp/staff-binding", new { code = "000000" == code ? "111111" : "000000" }), HttpStatusCode.UnprocessableEntity);
        var bound = await phone.PostAsJsonAsync("/api/mp/staff-binding", new { code });

        Assert.Equal("张丽", (await bound.Content.ReadFromJsonAsync<StaffBindingResponse>())!.DisplayName);
        Assert.Equal("oMiniZhangli0001", (await BindingsAsync("zhangli")).MiniProgram);
        await ProblemAssert.IsProblemAsync(await phone.PostAsJsonAsync("/api/mp/staff-binding", new { code }), HttpStatusCode.UnprocessableEntity);

        // The agent pages of the mini-program then act as 张丽, with her roles.
        var session = await ProblemAssert.OkAsync<StaffLoginResponse>(await phone.PostAsync("/api/staff/auth/mini-program", null));
        Assert.Equal("张丽", session.Staff.DisplayName);
        var asAgent = App.CreateClient();
        asAgent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        Assert.Equal(HttpStatusCode.OK, (await asAgent.GetAsync("/api/staff/cases")).StatusCode);
        var unbound = await App.MiniProgramUserAsync("oMiniNobody00000001");
        await ProblemAssert.IsProblemAsync(await unbound.PostAsync("/api/staff/auth/mini-program", null), HttpStatusCode.Forbidden);
    }
}

/// <summary>Binding codes cannot be guessed into a staff token, and a binding is seen, told and removable.</summary>
[Collection(HostCollection.Name)]
public sealed class StaffBindingSecurityTests : StaffAppTest
{
    private async Task<string> CodeAsync(HttpClient staff) =>
        (await ProblemAssert.OkAsync<BindingCodeResponse>(await staff.PostAsync("/api/staff/me/binding-code", null))).Code;

    private static Task<HttpResponseMessage> RedeemAsync(HttpClient phone, string code) =>
        phone.PostAsJsonAsync("/api/mp/staff-binding", new { code });

    private static string Wrong(string code, int i) => ((long.Parse(code) + 1 + i) % 100_000_000).ToString("D8");

    [Fact]
    public async Task ACode_HasEightDigits_AndOnlyTheNewestWorks()
    {
        var agent = await App.SignedInAsync("zhangli");
        var first = await CodeAsync(agent);
        var second = await CodeAsync(agent);

        Assert.Matches("^[0-9]{8}$", first);
        var phone = await App.MiniProgramUserAsync("oMiniZhangliNewest01");
        await ProblemAssert.IsProblemAsync(await RedeemAsync(phone, first), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(phone, second)).StatusCode);
    }

    [Fact]
    public async Task OneWeChatUser_GetsFiveAttempts_ThenEvenTheRightCodeIsRefused()
    {
        var code = await CodeAsync(await App.SignedInAsync("zhangli"));
        var guesser = await App.MiniProgramUserAsync("oMiniGuesser000001");
        for (var i = 0; i < StaffBindingCodes.AttemptsPerUser; i++)
            await ProblemAssert.IsProblemAsync(await RedeemAsync(guesser, Wrong(code, i)), HttpStatusCode.UnprocessableEntity);

        var refused = await RedeemAsync(guesser, code);

        Assert.Contains("次数过多", (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests)).GetProperty("title").GetString());
        // The code was never looked up: its owner still binds with it.
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(await App.MiniProgramUserAsync("oMiniZhangliOwner001"), code)).StatusCode);
    }

    [Fact]
    public async Task ManyWeChatUsersTogether_AreCappedForTheWholeCluster()
    {
        var code = await CodeAsync(await App.SignedInAsync("zhangli"));
        for (var i = 0; i < StaffBindingCodes.AttemptsInAll; i++)
        {
            var guesser = await App.MiniProgramUserAsync($"oMiniSwarm{i:D8}");
            await ProblemAssert.IsProblemAsync(await RedeemAsync(guesser, Wrong(code, i)), HttpStatusCode.UnprocessableEntity);
        }

        var next = await App.MiniProgramUserAsync("oMiniSwarmLast0001");
        await ProblemAssert.IsProblemAsync(await RedeemAsync(next, code), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task TheMemberIsTold_SeesTheBinding_AndRemovingItEndsTheAgentSession()
    {
        var agent = await App.SignedInAsync("zhangli");
        var phone = await App.MiniProgramUserAsync("oMiniZhangliTold001");
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(phone, await CodeAsync(agent))).StatusCode);
        var session = await ProblemAssert.OkAsync<StaffLoginResponse>(await phone.PostAsync("/api/staff/auth/mini-program", null));
        var agentPages = App.CreateClient();
        agentPages.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        Assert.Equal(HttpStatusCode.OK, (await agentPages.GetAsync("/api/staff/cases")).StatusCode);

        var messages = await ProblemAssert.OkAsync<List<StaffMessage>>(await agent.GetAsync("/api/staff/me/messages"));
        var told = Assert.Single(messages, m => m.Title.Contains("已绑定小程序"));
        Assert.Contains("如非本人操作", told.Detail);
        var binding = Assert.Single(await ProblemAssert.OkAsync<List<StaffBindingView>>(await agent.GetAsync("/api/staff/me/bindings")));
        Assert.Equal("MiniProgram", binding.Kind);
        Assert.DoesNotContain("oMiniZhangliTold001", binding.OpenId);
        Assert.NotNull(binding.BoundAt);

        Assert.Empty(await ProblemAssert.OkAsync<List<StaffBindingView>>(await agent.DeleteAsync("/api/staff/me/bindings/MiniProgram")));

        await ProblemAssert.IsProblemAsync(await agentPages.GetAsync("/api/staff/cases"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await phone.PostAsync("/api/staff/auth/mini-program", null), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await agent.DeleteAsync("/api/staff/me/bindings/MiniProgram"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await agent.DeleteAsync("/api/staff/me/bindings/Email"), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task AnAdmin_SeesAndRemovesBindings_AndResetOrDeactivationRemovesThem()
    {
        var admin = await App.SignedInAsync("admin");
        foreach (var (user, openId) in new[] { ("zhangli", "oMiniZhangliAdmin01"), ("liqiang", "oMiniLiqiangAdmin01"), ("zhaogang", "oMiniZhaogangAdmn1") })
            Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(await App.MiniProgramUserAsync(openId), await CodeAsync(await App.SignedInAsync(user)))).StatusCode);
        var staff = await ProblemAssert.OkAsync<List<Daiban.Web.Staff.StaffView>>(await admin.GetAsync("/api/staff/admin/staff"));
        long Id(string userName) => staff.Single(s => s.UserName == userName).Id;
        Assert.Single(staff.Single(s => s.UserName == "zhangli").Bindings);

        Assert.Empty(await ProblemAssert.OkAsync<List<StaffBindingView>>(await admin.DeleteAsync($"/api/staff/admin/staff/{Id("zhangli")}/bindings/MiniProgram")));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/staff/admin/staff/{Id("liqiang")}/password", new { password = "Reset-pass-2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/staff/admin/staff/{Id("zhaogang")}", new { active = false })).StatusCode);

        var after = await ProblemAssert.OkAsync<List<Daiban.Web.Staff.StaffView>>(await admin.GetAsync("/api/staff/admin/staff"));
        Assert.All(after.Where(s => s.UserName is "zhangli" or "liqiang" or "zhaogang"), s => Assert.Empty(s.Bindings));
        foreach (var openId in new[] { "oMiniZhangliAdmin01", "oMiniLiqiangAdmin01", "oMiniZhaogangAdmn1" })
            await ProblemAssert.IsProblemAsync(await (await App.MiniProgramUserAsync(openId)).PostAsync("/api/staff/auth/mini-program", null),
                HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AWeChatIdentity_ActsForOneMemberOnly()
    {
        var phone = await App.MiniProgramUserAsync("oMiniSharedPhone01");
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(phone, await CodeAsync(await App.SignedInAsync("zhangli")))).StatusCode);
        var liqiang = await App.SignedInAsync("liqiang");
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(phone, await CodeAsync(liqiang))).StatusCode);

        var session = await ProblemAssert.OkAsync<StaffLoginResponse>(await phone.PostAsync("/api/staff/auth/mini-program", null));
        Assert.Equal("李强", session.Staff.DisplayName);
        Assert.Empty(await ProblemAssert.OkAsync<List<StaffBindingView>>(await (await App.SignedInAsync("zhangli")).GetAsync("/api/staff/me/bindings")));
    }
}
