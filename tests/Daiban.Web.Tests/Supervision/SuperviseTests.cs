using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Enterprises;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Supervision;

/// <summary>督办: supervision presses a case's agent; the agent is told, the log keeps it from the enterprise.</summary>
[Collection(HostCollection.Name)]
public sealed class SuperviseTests : StaffAppTest
{
    [Fact]
    public async Task Supervision_PressesTheAgent_WhoIsTold_AndTheLogKeepsItFromTheEnterprise()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var code = "91371083MA0070062";
        var created = await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市督办测试建材有限公司", creditCode = code + UnifiedSocialCreditCode.CheckCharacter(code),
            contactName = "王督办", mode = "Agency", items = new[] { "S3-03" },
            project = new { name = "督办测试仓库", location = "乳山市", investmentType = "Social", kind = "Industrial" },
        }));
        var url = $"/api/staff/cases/{created.Id}/supervision";
        var supervisor = await App.SignedInAsync("chenjing");

        // Nobody to press before an agent is assigned; an agent cannot press another.
        await ProblemAssert.IsProblemAsync(await supervisor.PostAsJsonAsync(url, new { message = "请尽快办理" }),
            HttpStatusCode.Conflict);
        var assigned = await ProblemAssert.OkAsync<CaseResponse>(
            await clerk.PostAsJsonAsync($"/api/staff/cases/{created.Id}/assignment", new { }));
        await ProblemAssert.IsProblemAsync(await supervisor.PostAsJsonAsync(url, new { message = " " }),
            HttpStatusCode.UnprocessableEntity);
        var agent = await App.SignedInAsync((await StaffUserNameAsync(assigned.AgentId!.Value)));
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync(url, new { message = "请尽快办理" }),
            HttpStatusCode.Forbidden);
        await ProblemAssert.OkAsync<CaseResponse>(
            await supervisor.PostAsJsonAsync(url, new { message = "施工许可已逾期2个工作日，请今天联系住建局" }));

        var log = await ProblemAssert.OkAsync<List<LogEntryResponse>>(await agent.GetAsync($"/api/staff/cases/{created.Id}/log"));
        var line = Assert.Single(log, l => l.Content.StartsWith("督办"));
        Assert.Equal(("督办（陈静）：施工许可已逾期2个工作日，请今天联系住建局", false), (line.Content, line.VisibleToEnterprise));
        await using var scope = App.Services.CreateAsyncScope();
        var told = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Notifications.AsNoTracking()
            .Where(n => n.CaseId == created.Id && n.RecipientId == assigned.AgentId && n.RecipientKind == RecipientKind.Staff)
            .Select(n => new { n.TemplateKey, n.Title }).ToListAsync();
        Assert.Contains(told, n => n.TemplateKey == NoticeKeys.CaseUpdate && n.Title == "督办：陈静");
    }

    private async Task<string> StaffUserNameAsync(long id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Staff.Where(s => s.Id == id)
            .Select(s => s.UserName).SingleAsync();
    }
}
