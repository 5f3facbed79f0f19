using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Cases;

/// <summary>Security review, issue 16 item 9: bad input gets a clear Chinese problem, never a 500, and changes nothing.</summary>
[Collection(HostCollection.Name)]
public sealed class BadInputTests : StaffAppTest
{
    private static object Application(object? mode = null, string? request = null) => new
    {
        mode = mode ?? "Agency",
        stages = new[] { 3 },
        request,
        project = new { name = "海岸研发楼", location = "乳山市", investmentType = "Social", kind = "Industrial" },
    };

    private async Task<int> CountAsync(Func<DaibanDbContext, Task<int>> count)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<DaibanDbContext>());
    }

    private async Task<long> WorkedCaseAsync(HttpClient clerk)
    {
        var created = await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市宏达机械有限公司", creditCode = "9144030071526726XG", contactName = "刘伟",
                contactPhone = "13806310003",
            mode = "Agency", items = new[] { "S3-03" },
            project = new { name = "宏达机械新厂房", location = "乳山市经济开发区", investmentType = "Social", kind = "Industrial" },
        }));
        var liqiang = await CountAsync(async db => (int)await db.Staff.Where(s => s.UserName == "liqiang").Select(s => s.Id).SingleAsync());
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync($"/api/staff/cases/{created.Id}/assignment", new { agentId = liqiang, reason = "测试" }));
        return created.Id;
    }

    [Theory]
    [InlineData("abc<script>", false)]
    [InlineData("12", false)]
    [InlineData("12345678901", false)]
    [InlineData("0631-----6651234", false)]
    [InlineData("(0631) 6651234", true)]
    [InlineData("0631-6651234", true)]
    [InlineData("13806310009", true)]
    public async Task TheProjectsContactPhone_MustBeAPhoneNumber(string phone, bool accepted)
    {
        var clerk = await App.SignedInAsync("wangmin");

        var response = await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市宏达机械有限公司", creditCode = "9144030071526726XG", contactName = "刘伟",
            mode = "Agency", items = new[] { "S3-03" },
            project = new
            {
                name = "宏达机械三期", location = "乳山市", investmentType = "Social", kind = "Industrial",
                contactPhone = phone,
            },
        });

        if (accepted)
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        else
            Assert.Contains("联系电话格式不正确", (await ProblemAssert.IsProblemAsync(response,
                HttpStatusCode.UnprocessableEntity)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task NullsInTheItemList_AreNothingChosen_NotA500()
    {
        var clerk = await App.SignedInAsync("wangmin");

        var response = await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市宏达机械有限公司", creditCode = "9144030071526726XG", contactName = "刘伟",
            mode = "Agency", items = new[] { null, "S3-03", " " },
            project = new { name = "宏达机械四期", location = "乳山市", investmentType = "Social", kind = "Industrial" },
        });

        var made = await ProblemAssert.OkAsync<CaseResponse>(response);
        Assert.Equal(["S3-03"], made.Items.Select(i => i.Code));
    }

    [Fact]
    public async Task ControlCharacters_AreRefused_InTheFieldThatHasThem_AndNothingIsStored()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var before = await CountAsync(db => db.Cases.CountAsync());

        var nul = await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市宏达机械有限公司", creditCode = "9144030071526726XG", contactName = "刘伟",
            mode = "Agency", items = new[] { "S3-03" }, request = "红色\u001b[31m提示\u0007",
            project = new { name = "\u0000\u0001新厂房", location = "乳山市", investmentType = "Social", kind = "Industrial" },
        });
        var lines = await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市宏达机械有限公司", creditCode = "9144030071526726XG", contactName = "刘伟",
            mode = "Agency", items = new[] { "S3-03" }, request = "第一行\r\n第二行\t说明",
            project = new { name = "宏达机械二期", location = "乳山市", investmentType = "Social", kind = "Industrial" },
        });

        var problem = await ProblemAssert.IsProblemAsync(nul, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("含有无法显示的字符", problem.GetProperty("title").GetString());
        Assert.Equal("field.control_characters", problem.GetProperty("code").GetString());
        // Named by the label people see beside the field, so the form can put the reason there.
        Assert.Equal("项目名称", problem.GetProperty("fieldLabel").GetString());
        Assert.Equal(HttpStatusCode.Created, lines.StatusCode);
        Assert.Equal(before + 1, await CountAsync(db => db.Cases.CountAsync()));
    }

    [Theory]
    [InlineData("/api/calendar/due-date?from=9999-12-31&workingDays=5")]
    [InlineData("/api/calendar/due-date?from=1990-01-01&workingDays=5")]
    public async Task ADueDateFromAYearWithoutHolidayData_IsRefused_NotA500(string url)
    {
        var body = await ProblemAssert.IsProblemAsync(await App.CreateClient().GetAsync(url),
            HttpStatusCode.UnprocessableEntity);

        Assert.Contains("节假日数据只覆盖", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AMonthlyExportForMonth9999_IsRefused_NotA500()
    {
        var supervisor = await App.SignedInAsync("chenjing");

        var body = await ProblemAssert.IsProblemAsync(await supervisor.GetAsync("/api/staff/exports/monthly?month=9999-12"), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("统计月份", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AMaterialsRequestLongerThanTheLogHolds_IsRefused_AndNothingIsWritten()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var id = await WorkedCaseAsync(clerk);
        var agent = await App.SignedInAsync("liqiang");
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"/api/staff/cases/{id}/start", null));
        var lines = await CountAsync(db => db.Set<Core.Cases.LogEntry>().CountAsync(l => l.CaseId == id));

        var missing = Enumerable.Range(1, 30).Select(i => $"{i}{new string('材', 899)}").ToArray();
        var refused = await agent.PostAsJsonAsync($"/api/staff/cases/{id}/materials-request", new { missing });

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(lines, await CountAsync(db => db.Set<Core.Cases.LogEntry>().CountAsync(l => l.CaseId == id)));
        Assert.Equal(0,
            await CountAsync(db => db.Set<Core.Cases.LogEntry>().CountAsync(l => l.Content.Length > Core.Cases.LogEntry.MaxContentLength)));
    }

    [Fact]
    public async Task ARefusedApplication_StoresNoProjectRow()
    {
        var user = await App.MiniProgramUserAsync("oBadInputApplicant0000001");
        await ProblemAssert.OkAsync<EnterpriseBinding>(await user.PostAsJsonAsync("/api/mp/enterprises",
            new { enterpriseName = "乳山市海岸新材料有限公司", creditCode = "91110000802100433B", contactName = "孙海" }));
        var projects = await CountAsync(db => db.Projects.CountAsync());

        await ProblemAssert.IsProblemAsync(await user.PostAsJsonAsync("/api/mp/cases",
            Application(request: new string('说', 1001))), HttpStatusCode.UnprocessableEntity);
        await ProblemAssert.IsProblemAsync(await user.PostAsJsonAsync("/api/mp/cases", Application(mode: 99)),
            HttpStatusCode.UnprocessableEntity);
        var longKey = new HttpRequestMessage(HttpMethod.Post,
            "/api/mp/cases") { Content = JsonContent.Create(Application()) };
        longKey.Headers.Add("Idempotency-Key", new string('k', 65));
        await ProblemAssert.IsProblemAsync(await user.SendAsync(longKey), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(projects, await CountAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task AnIdempotencyKeyReusedForAnotherApplication_IsRefusedAndCreatesNothing()
    {
        var user = await App.MiniProgramUserAsync("oBadInputKeyReuse0000001");
        await ProblemAssert.OkAsync<EnterpriseBinding>(await user.PostAsJsonAsync("/api/mp/enterprises",
            new { enterpriseName = "乳山市海岸重工有限公司", creditCode = "91371083MA3C2KQX7H", contactName = "孙海" }));
        HttpRequestMessage Keyed(object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/mp/cases") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "apply-reused-key");
            return request;
        }
        var first = await user.SendAsync(Keyed(Application(request: "年后开工")));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var cases = await CountAsync(db => db.Cases.CountAsync());

        // The same application again is a retry: the one case.
        Assert.Equal(HttpStatusCode.OK, (await user.SendAsync(Keyed(Application(request: "年后开工")))).StatusCode);
        // Another application under that key is not: a clear error, not someone else's answer.
        var body = await ProblemAssert.IsProblemAsync(await user.SendAsync(Keyed(Application(mode: "FullService",
            request: "年后开工"))), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("幂等键已用于另一份申请", body.GetProperty("title").GetString());
        await ProblemAssert.IsProblemAsync(await user.SendAsync(Keyed(Application(request: "另一件事"))),
            HttpStatusCode.UnprocessableEntity);

        Assert.Equal(cases, await CountAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task AWrongJsonValue_NamesTheField()
    {
        var user = await App.MiniProgramUserAsync("oBadInputJson00000000001");

        var body = await ProblemAssert.IsProblemAsync(await user.PostAsJsonAsync("/api/mp/cases",
            Application(mode: "Everything")), HttpStatusCode.BadRequest);

        Assert.Contains("mode", body.GetProperty("title").GetString());
        Assert.Equal("mode", body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task AnArchivedCase_SaysItsStatusOnce()
    {
        var clerk = await App.SignedInAsync("wangmin");
        var id = await WorkedCaseAsync(clerk);
        var agent = await App.SignedInAsync("liqiang");
        var url = $"/api/staff/cases/{id}";
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/start", null));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/S3-03/submit",
            new { on = "2026-03-02" }));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/S3-03/approve",
            new { resultDocumentNo = "乳审-2026-01" }));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/results-ready", null));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/delivery/in-person",
            new { documents = "施工许可证", signedBy = "刘伟" }));
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync($"{url}/archive", null)).StatusCode);

        var refused = await agent.PostAsJsonAsync($"{url}/logs", new { content = "补记", milestone = false });

        var title = (await ProblemAssert.IsProblemAsync(refused,
            HttpStatusCode.Conflict)).GetProperty("title").GetString();
        Assert.DoesNotContain("已已", title);
        Assert.Contains("已归档", title);
    }
}
