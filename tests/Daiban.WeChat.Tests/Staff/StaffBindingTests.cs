using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.WeChat.MiniProgram;
using Daiban.WeChat.Staff;
using Daiban.WeChat.Tests.Infrastructure;
using Daiban.WeChat.WeChat.Emulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.WeChat.Tests.Staff;

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
