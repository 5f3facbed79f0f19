using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Cases;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.WeChat.Emulator;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Cases;

[Collection(HostCollection.Name)]
public sealed class StaffCaseTests : StaffAppTest
{
    private static object WalkIn(string creditCode = "91440300708461136T") => new
    {
        enterpriseName = "乳山市银滩建设发展有限公司",
        creditCode,
        contactName = "周蓉",
        contactPhone = "13806310002",
        mode = "Agency",
        stages = new[] { 3 },
        items = new[] { "P-02" },
        request = "代办施工许可阶段全部事项",
        project = new
        {
            name = "银滩社区服务中心", location = "乳山市银滩旅游度假区", investmentType = "Social", kind = "Civil",
            totalInvestmentWanYuan = 3200, floorAreaSquareMeters = 5600, buildingHeightMeters = 21, landSupply = "Transfer", currentStage = 3,
        },
    };

    private async Task<int> CaseCountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Cases.CountAsync();
    }

    [Fact]
    public async Task Clerk_RegistersWalkIn_RoutesAndAssigns_AgentGetsTemplateMessage()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/cases") { Content = JsonContent.Create(WalkIn()) };
        request.Headers.Add("Idempotency-Key", "walkin-1");

        var created = await clerk.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var @case = (await created.Content.ReadFromJsonAsync<CaseResponse>(TestJson.Options))!;
        Assert.Equal(CaseStatus.Registered, @case.Status);
        Assert.Contains(@case.Items, i => i.Code == "S3-03");
        Assert.Contains(@case.Items, i => i.Code == "P-02");

        var again = new HttpRequestMessage(HttpMethod.Post, "/api/staff/cases") { Content = JsonContent.Create(WalkIn()) };
        again.Headers.Add("Idempotency-Key", "walkin-1");
        var repeated = (await (await clerk.SendAsync(again)).Content.ReadFromJsonAsync<CaseResponse>(TestJson.Options))!;
        Assert.Equal(@case.Id, repeated.Id);

        var routing = (await clerk.GetFromJsonAsync<RoutingResponse>($"/api/staff/cases/{@case.Id}/routing"))!;
        // Of the demo agents only 张丽 and 赵刚 know the construction-licence stage; the policy picks between them.
        Assert.Contains(routing.AgentName, new[] { "张丽", "赵刚" });
        Assert.Contains("熟悉", routing.Explanation);

        var officialAccountOpenId = $"oOA{Guid.NewGuid():N}"[..24];
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            var agent = await db.Staff.SingleAsync(s => s.Id == routing.AgentId);
            agent.BindOfficialAccount(officialAccountOpenId, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        App.Services.GetRequiredService<WeChatEmulator>().Follow(officialAccountOpenId);

        var assigned = await clerk.PostAsJsonAsync($"/api/staff/cases/{@case.Id}/assignment", new { });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var afterAssign = (await assigned.Content.ReadFromJsonAsync<CaseResponse>(TestJson.Options))!;
        Assert.Equal(CaseStatus.Assigned, afterAssign.Status);
        Assert.Equal(routing.AgentId, afterAssign.AgentId);
        Assert.Equal(routing.Explanation, afterAssign.Assignments.Single().Reason);

        var sent = await EventuallyAsync(() => App.Services.GetRequiredService<WeChatEmulator>().Messages(officialAccountOpenId));
        var message = Assert.Single(sent);
        Assert.Equal("TPL_CASE_ASSIGNED", message.TemplateId);
        Assert.Equal($"pages/agent/case/case?id={@case.Id}", message.Page);
        Assert.Equal("银滩社区服务中心", message.Data!.Value.GetProperty("thing1").GetProperty("value").GetString());
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // The walk-in contact has no mini-program yet: the enterprise's notice waits in the in-app list.
            var toContact = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Notifications.AsNoTracking()
                .SingleAsync(n => n.CaseId == @case.Id && n.RecipientKind == RecipientKind.EnterpriseContact);
            for (var i = 0; i < 50 && toContact.Status == NotificationStatus.Pending; i++)
            {
                await Task.Delay(100);
                toContact = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.Id == toContact.Id);
            }
            Assert.Equal(NotificationStatus.InAppOnly, toContact.Status);
        }
    }

    [Fact]
    public async Task Override_NeedsAReason_AndIsRecorded()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var @case = (await (await clerk.PostAsJsonAsync("/api/staff/cases", WalkIn("91110108551385082Q"))).Content.ReadFromJsonAsync<CaseResponse>(TestJson.Options))!;
        long zhaoId;
        await using (var scope = App.Services.CreateAsyncScope())
            zhaoId = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Staff.Where(s => s.UserName == "zhaogang").Select(s => s.Id).SingleAsync();

        var withoutReason = await clerk.PostAsJsonAsync($"/api/staff/cases/{@case.Id}/assignment", new { agentId = zhaoId });
        await ProblemAssert.IsProblemAsync(withoutReason, HttpStatusCode.UnprocessableEntity);
        var withReason = await clerk.PostAsJsonAsync($"/api/staff/cases/{@case.Id}/assignment", new { agentId = zhaoId, reason = "企业点名要求赵刚负责" });

        var result = (await withReason.Content.ReadFromJsonAsync<CaseResponse>(TestJson.Options))!;
        Assert.Equal(zhaoId, result.AgentId);
        Assert.Equal("窗口指定：企业点名要求赵刚负责", result.Assignments.Single().Reason);
    }

    [Fact]
    public async Task InvalidCreditCode_Is422_AndCreatesNothing()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var before = await CaseCountAsync();

        var response = await clerk.PostAsJsonAsync("/api/staff/cases", WalkIn("91440300708461136X"));

        Assert.Contains("统一社会信用代码", (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity)).GetProperty("title").GetString());
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task AWalkInRefusedForItsScope_LeavesNoEnterpriseContactOrProject()
    {
        var clerk = await App.SignedInAsync("wangmin");
        async Task<(int, int, int)> RowsAsync()
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            return (await db.Enterprises.CountAsync(), await db.EnterpriseContacts.CountAsync(), await db.Projects.CountAsync());
        }
        var before = await RowsAsync();

        var response = await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市新开建设有限公司", creditCode = "91371083MA3NEW001G", contactName = "孙敏", contactPhone = "13806310009",
            mode = "Agency", stages = Array.Empty<int>(), items = Array.Empty<string>(),
            project = new { name = "新开项目", location = "乳山市", investmentType = "Social", kind = "Civil", currentStage = 1 },
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Roles_AgentCannotRegisterOrAssign_AndSeesOnlyOwnCases()
    {
        var agent = await App.SignedInAsync("liqiang");
        var supervisor = await App.SignedInAsync("chenjing");

        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync("/api/staff/cases", WalkIn()), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync("/api/staff/cases/1/assignment", new { }), HttpStatusCode.Forbidden);
        var mine = (await agent.GetFromJsonAsync<List<CaseListItem>>("/api/staff/cases", TestJson.Options))!;
        var all = (await supervisor.GetFromJsonAsync<List<CaseListItem>>("/api/staff/cases", TestJson.Options))!;
        Assert.All(mine, c => Assert.Equal("李强", c.AgentName));
        Assert.True(all.Count > mine.Count);
        var someoneElses = all.First(c => c.AgentName != "李强");
        await ProblemAssert.IsProblemAsync(await agent.GetAsync($"/api/staff/cases/{someoneElses.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OnlineApplication_IsRegisteredByTheWindow_Once()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var submitted = (await clerk.GetFromJsonAsync<List<CaseListItem>>("/api/staff/cases?status=Submitted", TestJson.Options))!;
        var online = submitted.First();

        var response = await clerk.PostAsync($"/api/staff/cases/{online.Id}/register", null);
        var again = await clerk.PostAsync($"/api/staff/cases/{online.Id}/register", null);
        var toAssign = (await clerk.GetFromJsonAsync<List<CaseListItem>>("/api/staff/cases?status=Registered", TestJson.Options))!;
        var running = (await clerk.GetFromJsonAsync<List<CaseListItem>>("/api/staff/cases?status=InProgress", TestJson.Options))!;

        Assert.Equal(CaseStatus.Registered, (await response.Content.ReadFromJsonAsync<CaseResponse>(TestJson.Options))!.Status);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        // The window's queue: longest waiting first, each with its wait in working days; late past one working day.
        Assert.Equal(submitted.OrderBy(c => c.SubmittedAt).Select(c => c.Id), submitted.Select(c => c.Id));
        Assert.All(submitted, c => Assert.Equal(c.Waiting!.WorkingDays > 1, c.Waiting.Late));
        // The configured limit travels with the wait, so the 派件 page states the rule instead of a fixed number.
        Assert.All(submitted, c => Assert.Equal(1, c.Waiting!.LimitWorkingDays));
        Assert.Contains(toAssign, c => c.Id == online.Id && c.Waiting == new WindowWait(0, false, null));
        Assert.All(running, c => Assert.Null(c.Waiting));
        await ProblemAssert.IsProblemAsync(await clerk.PostAsync("/api/staff/cases/999999/register", null), HttpStatusCode.NotFound);
    }


    private static async Task<IReadOnlyList<SentMessage>> EventuallyAsync(Func<IReadOnlyList<SentMessage>> read)
    {
        for (var i = 0; i < 100; i++)
        {
            var value = read();
            if (value.Count > 0)
                return value;
            await Task.Delay(100);
        }
        return read();
    }
}
