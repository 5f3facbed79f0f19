using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.Core.Cases;
using Daiban.Core.Persistence;
using Daiban.WeChat.Emulator;
using Daiban.Web.Cases;
using Daiban.Web.Notifications;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Cases;

/// <summary>The enterprise's whole journey with the emulator: login, bind, apply, agree, receive, evaluate; and what others cannot see.</summary>
[Collection(HostCollection.Name)]
public sealed class EnterpriseJourneyTests : StaffAppTest
{

    private static object Application(long? contactId = null) => new
    {
        contactId,
        mode = "FullService",
        stages = new[] { 3 },
        request = "施工许可阶段全程包办",
        project = new { name = "海岸新材料研发楼", location = "乳山市经济开发区", investmentType = "Social", kind = "Industrial", floorAreaSquareMeters = 9000 },
    };

    /// <summary>An online application of a new user, registered by the window and assigned to the suggested agent.</summary>
    private async Task<AssignedApplication> AssignedApplicationAsync(string openId)
    {
        var enterprise = await App.MiniProgramUserAsync(openId);
        var binding = await ProblemAssert.OkAsync<EnterpriseBinding>(await enterprise.PostAsJsonAsync("/api/mp/enterprises",
            new { enterpriseName = "乳山市海岸新材料有限公司", creditCode = "91110000802100433B", contactName = "孙海" }));
        var view = await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync("/api/mp/cases", Application()));
        var clerk = await App.SignedInAsync("wangmin");
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsync($"/api/staff/cases/{view.Id}/register", null));
        await App.ConfirmContactAsync(binding.ContactId);
        var assigned = await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync($"/api/staff/cases/{view.Id}/assignment", new { }));
        var zhangLi = assigned.AgentName == "张丽";
        return new AssignedApplication(enterprise, view, clerk, assigned, await App.SignedInAsync(zhangLi ? "zhangli" : "zhaogang"),
            await App.SignedInAsync(zhangLi ? "zhaogang" : "zhangli"));
    }

    private sealed record AssignedApplication(HttpClient Enterprise, EnterpriseCaseView View, HttpClient Clerk, CaseResponse Assigned, HttpClient Agent, HttpClient OtherAgent);

    [Fact]
    public async Task TheCasePage_ShowsTheAgentsPhone_OnceAnAgentIsAssigned()
    {
        var a = await AssignedApplicationAsync("oAgentPhoneEnterprise01");
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Staff
                .Where(s => s.DisplayName == a.Assigned.AgentName)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Phone, "0631-6651234"));

        var view = await ProblemAssert.OkAsync<EnterpriseCaseView>(await a.Enterprise.GetAsync($"/api/mp/cases/{a.View.Id}"));
        Assert.Equal(a.Assigned.AgentName, view.AgentName);
        Assert.Equal("0631-6651234", view.AgentPhone);
        // Before assignment there is nobody to call.
        Assert.Null(a.View.AgentPhone);
    }

    [Fact]
    public async Task FullServiceJourney_FromLoginToEvaluation()
    {
        const string openId = "oJourneyEnterprise0001";
        var enterprise = await App.MiniProgramUserAsync(openId);
        var binding = await ProblemAssert.OkAsync<EnterpriseBinding>(await enterprise.PostAsJsonAsync("/api/mp/enterprises",
            new { enterpriseName = "乳山市海岸新材料有限公司", creditCode = "91110000802100433B", contactName = "孙海" }));
        Assert.Equal("Pending", binding.Status);

        var apply = new HttpRequestMessage(HttpMethod.Post, "/api/mp/cases") { Content = JsonContent.Create(Application()) };
        apply.Headers.Add("Idempotency-Key", "apply-001");
        var created = await enterprise.SendAsync(apply);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = (await created.Content.ReadFromJsonAsync<EnterpriseCaseView>(TestJson.Options))!;
        var again = new HttpRequestMessage(HttpMethod.Post, "/api/mp/cases") { Content = JsonContent.Create(Application()) };
        again.Headers.Add("Idempotency-Key", "apply-001");
        Assert.Equal(view.Id, (await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.SendAsync(again))).Id);
        // Still pending: the applicant sees its application but may not act for the enterprise yet.
        await ProblemAssert.IsProblemAsync(await enterprise.PostAsJsonAsync($"/api/mp/cases/{view.Id}/plan-decision", new { agree = true }), HttpStatusCode.Conflict);

        // The user accepts subscriptions when applying (the mini-program asks at that moment).
        await enterprise.PostAsJsonAsync("/_wx/test/subscribe", new { openId, templateId = "TPL_PLAN_TO_AGREE", count = 1 });
        await enterprise.PostAsJsonAsync("/_wx/test/subscribe", new { openId, templateId = "TPL_DELIVERY_SENT", count = 1 });

        var clerk = await App.SignedInAsync("wangmin");
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsync($"/api/staff/cases/{view.Id}/register", null));
        await App.ConfirmContactAsync(binding.ContactId);
        var assigned = await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync($"/api/staff/cases/{view.Id}/assignment", new { }));
        var agent = await App.SignedInAsync(assigned.AgentName == "张丽" ? "zhangli" : "zhaogang");
        var url = $"/api/staff/cases/{view.Id}";
        await ProblemAssert.IsProblemAsync(await agent.PostAsync($"{url}/start", null), HttpStatusCode.Conflict);
        var nullStep = await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync($"{url}/plan",
            new { summary = "空步骤", steps = new object?[] { null } }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("方案中有空的步骤，请填写或删除该步骤。", nullStep.GetProperty("title").GetString());
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/plan", new
        {
            summary = "施工许可阶段：联合审图与施工许可并联推进。",
            steps = new[] { new { order = 1, description = "报送联合审图", itemCode = "S3-01", targetDate = "2026-03-10" }, new { order = 2, description = "申领施工许可证", itemCode = "S3-03", targetDate = "2026-03-20" } },
        }));

        var withPlan = await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.GetAsync($"/api/mp/cases/{view.Id}"));
        Assert.Equal(CaseStatus.PlanProposed, withPlan.Status);
        Assert.Equal(2, withPlan.Plan!.Steps.Count);
        await ProblemAssert.IsProblemAsync(await enterprise.PostAsJsonAsync($"/api/mp/cases/{view.Id}/plan-decision", new { agree = false }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(CaseStatus.PlanAgreed, (await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync($"/api/mp/cases/{view.Id}/plan-decision", new { agree = true, comment = "同意" }))).Status);
        // The agent reads the plan it proposed with the enterprise's answer.
        var agreed = (await ProblemAssert.OkAsync<CaseResponse>(await agent.GetAsync(url))).Plan!;
        Assert.Equal((1, PlanDecision.Agreed, "同意", "S3-03"),
            (agreed.Version, agreed.Decision, agreed.DecisionComment, agreed.Steps[1].ItemCode));

        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/start", null));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/logs", new { content = "<script>alert('x')</script>与企业核对图纸", milestone = false }));
        foreach (var item in withPlan.Items)
        {
            await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/{item.Code}/submit", new { on = "2026-03-02" }));
            await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/{item.Code}/approve", new { resultDocumentNo = $"乳{item.Code}-2026-01" }));
        }
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/results-ready", null));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/delivery/mail", new { documents = "施工许可证正本", carrier = "中国邮政EMS", trackingNumber = "EMS2000000001" }));

        var received = await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync($"/api/mp/cases/{view.Id}/receipt", new { signedBy = "孙海" }));
        Assert.Equal(CaseStatus.Delivered, received.Status);
        Assert.True(received.CanEvaluate);
        // The overall level is the form's one required field (OpenAPI says so): without it the form is refused.
        var noLevel = await enterprise.PostAsJsonAsync($"/api/mp/cases/{view.Id}/evaluation", new { comment = "全程省心" });
        Assert.Contains("评价等级", (await ProblemAssert.IsProblemAsync(noLevel,
            HttpStatusCode.UnprocessableEntity)).GetProperty("title").GetString());
        // A bad review needs its reason, as the page asks (issue 16 item 9): the API refuses it too and records nothing.
        var noReason = await enterprise.PostAsJsonAsync($"/api/mp/cases/{view.Id}/evaluation",
            new { overall = "VeryDissatisfied" });
        Assert.Contains("原因", (await ProblemAssert.IsProblemAsync(noReason,
            HttpStatusCode.UnprocessableEntity)).GetProperty("title").GetString());
        var evaluated = await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync($"/api/mp/cases/{view.Id}/evaluation", new { overall = "VerySatisfied", comment = "全程省心" }));
        Assert.Equal(CaseStatus.Evaluated, evaluated.Status);
        var second = await enterprise.PostAsJsonAsync($"/api/mp/cases/{view.Id}/evaluation", new { overall = "Dissatisfied" });
        Assert.Contains("只能评价一次", (await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Contains(evaluated.Timeline, t => t.Content.Contains("EMS2000000001"));

        // The agent closes the file; the enterprise reads its own view of the archive, whose hash still matches.
        await ProblemAssert.IsProblemAsync(await enterprise.GetAsync($"/api/mp/cases/{view.Id}/archive"), HttpStatusCode.NotFound);
        var archived = await ProblemAssert.OkAsync<ArchiveResponse>(await agent.PostAsync($"{url}/archive", null));
        Assert.True(archived.Intact);
        Assert.Equal(archived.ContentHash, (await ProblemAssert.OkAsync<ArchiveResponse>(await agent.PostAsync($"{url}/archive", null))).ContentHash);
        var read = await ProblemAssert.OkAsync<ArchiveResponse>(await enterprise.GetAsync($"/api/mp/cases/{view.Id}/archive"));
        Assert.True(read.Intact);
        Assert.Contains("全程省心", read.Content.GetRawText());
        Assert.Equal(view.CaseNumber, read.Content.GetProperty("caseNumber").GetString());
        Assert.Equal(CaseStatus.Archived, (await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.GetAsync($"/api/mp/cases/{view.Id}"))).Status);
        var print = await agent.GetAsync($"{url}/archive/print");
        Assert.Equal("text/html", print.Content.Headers.ContentType?.MediaType);
        var printed = await print.Content.ReadAsStringAsync();
        // Issue 16 item 11: no script, no framing; the page's own style sheet is allowed by its hash.
        var policy = string.Join(";", print.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        var style = printed[(printed.IndexOf("<style>", StringComparison.Ordinal) + 7)..printed.IndexOf("</style>", StringComparison.Ordinal)];
        Assert.Contains($"style-src 'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)))}'", policy);
        Assert.Contains(view.CaseNumber, printed);
        Assert.Contains("帮办代办包办日志", printed);
        Assert.Contains("校验一致", printed);
        // Enum values print in Chinese: the delivery method, the states of the status history.
        Assert.Contains("<td>邮寄送达</td>", printed);
        Assert.Contains("<td>已登记</td>", printed);
        Assert.DoesNotContain("<td>Mail</td>", printed);
        Assert.DoesNotContain("<td>Submitted</td>", printed);
        Assert.DoesNotContain("<script>", printed);
        Assert.Contains("&lt;script&gt;", printed);

        // Subscribe messages reached WeChat for the plan and the mailing; the rest stayed in the in-app list.
        var emulator = App.Services.GetRequiredService<WeChatEmulator>();
        for (var i = 0; i < 100 && emulator.Messages(openId).Count < 2; i++)
            await Task.Delay(100);
        Assert.Equal(["TPL_PLAN_TO_AGREE", "TPL_DELIVERY_SENT"], emulator.Messages(openId).Select(m => m.TemplateId));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var toAgent = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Notifications.AsNoTracking()
                .Where(n => n.CaseId == view.Id && n.TemplateKey == "case-update").Select(n => n.Title).ToListAsync();
            Assert.Equal(["企业已确认服务方案", "企业已确认签收"], toAgent.Order());
        }
        var messages = await ProblemAssert.OkAsync<List<InAppMessage>>(await enterprise.GetAsync("/api/mp/messages"));
        Assert.Contains(messages, m => m.Title.Contains("代办员"));
        // Every step the enterprise waits for is announced: registered, each item approved, results ready.
        Assert.Contains(messages, m => m.Title == "您的申请已登记");
        Assert.Equal(withPlan.Items.Count, messages.Count(m => m.Title.EndsWith("已办结")));
        Assert.Contains(messages, m => m.Title == "办理结果已出");

        // Another enterprise's user sees none of it.
        var stranger = await App.MiniProgramUserAsync("oJourneyStranger000001");
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/mp/cases/{view.Id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/mp/cases/{view.Id}/archive"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.PostAsJsonAsync($"/api/mp/cases/{view.Id}/receipt", new { }), HttpStatusCode.NotFound);
        Assert.Empty(await ProblemAssert.OkAsync<List<EnterpriseCaseView>>(await stranger.GetAsync("/api/mp/cases")));
        // Knowing the credit code only yields a pending binding, which opens nothing.
        await ProblemAssert.OkAsync<EnterpriseBinding>(await stranger.PostAsJsonAsync("/api/mp/enterprises", new { enterpriseName = "冒名", creditCode = "91110000802100433B", contactName = "张三" }));
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/mp/cases/{view.Id}"), HttpStatusCode.NotFound);
    }

    /// <summary>Security review, issue 16 item 8.</summary>
    [Fact]
    public async Task InternalNotesAndRoutingReasons_NeverReachTheEnterprise_InItsCaseViewOrArchive_StaffStillSeeThem()
    {
        var (enterprise, view, _, assigned, agent, _) = await AssignedApplicationAsync("oJourneyPrivacy0000001");
        var url = $"/api/staff/cases/{view.Id}";
        Assert.Contains("负荷", assigned.Assignments[0].Reason);   // the routing names agents' loads
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/plan", new
        {
            summary = "施工许可阶段全程包办", steps = new[] { new { order = 1, description = "申领施工许可证", itemCode = "S3-03" } },
        }));
        await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync($"/api/mp/cases/{view.Id}/plan-decision", new { agree = true }));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/start", null));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/logs", new
        {
            content = "内部备注：与住建局私下沟通", problems = "企业资金紧张，可能拖欠", nextStep = "内部协调", milestone = false,
                visibleToEnterprise = false,
        }));
        foreach (var item in assigned.Items)
        {
            await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/{item.Code}/submit",
                new { on = "2026-03-02" }));
            await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/items/{item.Code}/approve",
                new { resultDocumentNo = $"乳{item.Code}-2026-01" }));
        }
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{url}/results-ready", null));
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{url}/delivery/mail",
            new { documents = "施工许可证正本", carrier = "中国邮政EMS", trackingNumber = "EMS2000000009" }));
        await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync($"/api/mp/cases/{view.Id}/receipt", new { signedBy = "孙海" }));
        var staffArchive = await ProblemAssert.OkAsync<ArchiveResponse>(await agent.PostAsync($"{url}/archive", null));

        var caseView = await enterprise.GetStringAsync($"/api/mp/cases/{view.Id}");
        var archive = await ProblemAssert.OkAsync<ArchiveResponse>(await enterprise.GetAsync($"/api/mp/cases/{view.Id}/archive"));
        // Unescaped: the API may send Chinese as \uXXXX.
        foreach (var seen in new[] { caseView,
            archive.Content.GetRawText() }.Select(System.Text.RegularExpressions.Regex.Unescape))
        {
            foreach (var secret in new[] { "内部备注", "资金紧张", "负荷", "→", "\"ZJJ\"", "已报送ZJJ" })
                Assert.DoesNotContain(secret, seen);
            Assert.Contains("乳山市行政审批服务局", seen);
            Assert.Contains($"已为您指派代办员{assigned.AgentName}", seen);
        }
        Assert.True(archive.Intact);
        // Staff still see everything, and the archive's hash still covers the full content.
        var staff = System.Text.RegularExpressions.Regex.Unescape(staffArchive.Content.GetRawText());
        Assert.True(staffArchive.Intact);
        Assert.Contains("资金紧张", staff);
        Assert.Contains("负荷", staff);
        var log = await ProblemAssert.OkAsync<List<LogEntryResponse>>(await agent.GetAsync($"{url}/log"));
        Assert.Contains(log, l => l.Content.Contains("内部备注") && !l.VisibleToEnterprise);
    }

    [Fact]
    public async Task FreeMailing_MaterialsIn_AndPapersBack_EachConfirmedByTheOtherSide()
    {
        var (enterprise, view, _, assigned, agent, stranger) = await AssignedApplicationAsync("oJourneyMailing000001");
        Assert.False(view.CanMailMaterials); // as applied: not registered yet
        var mp = $"/api/mp/cases/{view.Id}";
        var staff = $"/api/staff/cases/{view.Id}";

        // The enterprise mails its materials; a retried submission records one parcel and one notice to the agent.
        var bad = await enterprise.PostAsJsonAsync($"{mp}/parcels", new { contents = "施工合同原件", carrier = "顺丰速运", trackingNumber = "SF 12 34" });
        Assert.Equal("运单号只能由字母、数字和短横线组成。", (await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.UnprocessableEntity)).GetProperty("title").GetString());
        var parcel = new { contents = "施工合同原件；施工图审查合格书", carrier = "顺丰速运", trackingNumber = "SF1234567890" };
        var mailed = await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync($"{mp}/parcels", parcel));
        Assert.True(mailed.CanMailMaterials);
        await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync($"{mp}/parcels", parcel));
        var inbound = Assert.Single((await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.GetAsync(mp))).Parcels);
        Assert.Equal(ParcelDirection.ToService, inbound.Direction);

        // Only the agent confirms it arrived.
        await ProblemAssert.IsProblemAsync(await enterprise.PostAsync($"{mp}/parcels/{inbound.Id}/received", null), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await stranger.PostAsync($"{staff}/parcels/{inbound.Id}/received", null), HttpStatusCode.NotFound);
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsync($"{staff}/parcels/{inbound.Id}/received", null));
        var arrived = Assert.Single(await ProblemAssert.OkAsync<List<ParcelResponse>>(await agent.GetAsync($"{staff}/parcels")));
        Assert.Equal(assigned.AgentName, arrived.ReceivedBy);

        // The agent mails originals back; the enterprise is told and signs for them.
        await ProblemAssert.OkAsync<CaseResponse>(await agent.PostAsJsonAsync($"{staff}/parcels", new { contents = "施工合同原件", carrier = "中国邮政EMS", trackingNumber = "EMS2000000009" }));
        var back = (await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.GetAsync(mp))).Parcels.Single(p => p.Direction == ParcelDirection.ToEnterprise);
        var otherUser = await App.MiniProgramUserAsync("oJourneyMailingOther01");
        await ProblemAssert.IsProblemAsync(await otherUser.PostAsync($"{mp}/parcels/{back.Id}/received", null), HttpStatusCode.NotFound);
        var signed = await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsync($"{mp}/parcels/{back.Id}/received", null));

        Assert.Equal("孙海", signed.Parcels.Single(p => p.Id == back.Id).ReceivedBy);
        Assert.Contains(signed.Timeline, t => t.Content.Contains("已收到企业寄来的材料（顺丰速运 SF1234567890）"));
        Assert.Contains(signed.Timeline, t => t.Content.Contains("企业已签收寄回的材料（中国邮政EMS EMS2000000009）"));
        Assert.Contains(await ProblemAssert.OkAsync<List<InAppMessage>>(await enterprise.GetAsync("/api/mp/messages")), m => m.Title == "材料已寄回");
        await using var scope = App.Services.CreateAsyncScope();
        var toAgent = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Notifications.AsNoTracking()
            .Where(n => n.CaseId == view.Id && n.TemplateKey == "case-update").Select(n => n.Title).ToListAsync();
        Assert.Equal(["企业已寄出材料"], toAgent);
    }

    [Fact]
    public async Task InAppMessages_AreReadOneByOneOrAllAtOnce_EachPersonOnlyTheirOwn()
    {
        var (enterprise, view, _, _, agent, otherAgent) = await AssignedApplicationAsync("oJourneyMessages000001");
        var stranger = await App.MiniProgramUserAsync("oJourneyMessagesOther1");

        // The enterprise: registered, agent assigned — both unread; one read, then the rest at once.
        var mine = await ProblemAssert.OkAsync<List<InAppMessage>>(await enterprise.GetAsync("/api/mp/messages"));
        Assert.True(mine.Count >= 2 && mine.All(m => !m.Read), string.Join("、", mine.Select(m => m.Title)));
        // Under its title each says what it is about: the case, what happened, when (the mini-program shows it).
        var registered = Assert.Single(mine, m => m.Title == "您的申请已登记");
        Assert.Contains(view.CaseNumber, registered.Detail);
        Assert.Contains("申请已登记，正在为您指派代办员", registered.Detail);
        var first = mine[^1];
        await ProblemAssert.IsProblemAsync(await stranger.PostAsync($"/api/mp/messages/{first.Id}/read", null), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.PostAsync($"/api/mp/messages/{first.Id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.PostAsync($"/api/mp/messages/{first.Id}/read", null)).StatusCode);
        var afterOne = await ProblemAssert.OkAsync<List<InAppMessage>>(await enterprise.GetAsync("/api/mp/messages"));
        Assert.Equal([first.Id], afterOne.Where(m => m.Read).Select(m => m.Id));
        Assert.Equal(mine.Count - 1, (await ProblemAssert.OkAsync<MessagesRead>(await enterprise.PostAsync("/api/mp/messages/read-all", null))).Marked);
        Assert.All(await ProblemAssert.OkAsync<List<InAppMessage>>(await enterprise.GetAsync("/api/mp/messages")), m => Assert.True(m.Read));

        // The agent: the assignment is in the console's list, even though no WeChat identity is bound to receive it.
        var notices = await ProblemAssert.OkAsync<List<StaffMessage>>(await agent.GetAsync("/api/staff/me/messages"));
        var assignment = Assert.Single(notices, m => m.CaseId == view.Id);
        Assert.False(assignment.Read);
        Assert.Contains(view.CaseNumber, assignment.Detail);
        Assert.Equal(1, (await ProblemAssert.OkAsync<UnreadCount>(await agent.GetAsync("/api/staff/me/messages/unread-count"))).Unread);
        Assert.DoesNotContain(await ProblemAssert.OkAsync<List<StaffMessage>>(await otherAgent.GetAsync("/api/staff/me/messages")), m => m.Id == assignment.Id);
        await ProblemAssert.IsProblemAsync(await otherAgent.PostAsync($"/api/staff/me/messages/{assignment.Id}/read", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await enterprise.PostAsync($"/api/mp/messages/{assignment.Id}/read", null), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsync($"/api/staff/me/messages/{assignment.Id}/read", null)).StatusCode);
        Assert.Equal(0, (await ProblemAssert.OkAsync<UnreadCount>(await agent.GetAsync("/api/staff/me/messages/unread-count"))).Unread);
        await ProblemAssert.IsProblemAsync(await enterprise.GetAsync("/api/staff/me/messages"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnApplicationEndsEarly_WithdrawnByTheEnterprise_OrNotAccepted_AndEveryoneConcernedIsTold()
    {
        var enterprise = await App.MiniProgramUserAsync("oJourneyClosing0000001");
        var binding = await ProblemAssert.OkAsync<EnterpriseBinding>(await enterprise.PostAsJsonAsync("/api/mp/enterprises",
            new { enterpriseName = "乳山市海岸新材料有限公司", creditCode = "91110000802100433B", contactName = "孙海" }));
        var clerk = await App.SignedInAsync("wangmin");
        async Task<EnterpriseCaseView> ApplyAsync() => await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync("/api/mp/cases", Application()));

        // The applicant withdraws its own application, before its binding is even confirmed; it leaves the window's queue.
        var first = await ApplyAsync();
        await ProblemAssert.IsProblemAsync(await enterprise.PostAsJsonAsync($"/api/mp/cases/{first.Id}/withdrawal", new { reason = "" }), HttpStatusCode.UnprocessableEntity);
        var withdrawn = await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync($"/api/mp/cases/{first.Id}/withdrawal", new { reason = "项目暂缓建设" }));
        Assert.Equal(CaseStatus.Withdrawn, withdrawn.Status);
        Assert.True(first.CanWithdraw);
        Assert.False(withdrawn.CanWithdraw);
        Assert.DoesNotContain(await ProblemAssert.OkAsync<List<CaseListItem>>(await clerk.GetAsync("/api/staff/cases?status=Submitted")), c => c.Id == first.Id);
        await ProblemAssert.IsProblemAsync(await (await App.MiniProgramUserAsync("oJourneyClosingOther001")).PostAsJsonAsync($"/api/mp/cases/{first.Id}/withdrawal", new { reason = "x" }), HttpStatusCode.NotFound);

        // The window does not accept the second one, and says why; an agent may not.
        var second = await ApplyAsync();
        var agent = await App.SignedInAsync("liqiang");
        await ProblemAssert.IsProblemAsync(await agent.PostAsJsonAsync($"/api/staff/cases/{second.Id}/rejection", new { reason = "重复申请" }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await clerk.PostAsJsonAsync($"/api/staff/cases/{second.Id}/rejection", new { reason = " " }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(CaseStatus.Rejected, (await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync($"/api/staff/cases/{second.Id}/rejection", new { reason = "与DB申请重复，请在原申请中补充" }))).Status);
        Assert.Contains(await ProblemAssert.OkAsync<List<InAppMessage>>(await enterprise.GetAsync("/api/mp/messages")), m => m.Title == "申请未予受理" && m.CaseId == second.Id);

        // The third is being worked when the enterprise phones to withdraw: the window records it, the agent is told
        // and no deadline of it reminds anyone any more.
        var third = await ApplyAsync();
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsync($"/api/staff/cases/{third.Id}/register", null));
        await App.ConfirmContactAsync(binding.ContactId);
        var assigned = await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync($"/api/staff/cases/{third.Id}/assignment", new { }));
        var itsAgent = await App.SignedInAsync(assigned.AgentName == "张丽" ? "zhangli" : "zhaogang");
        await ProblemAssert.OkAsync<CaseResponse>(await itsAgent.PostAsJsonAsync($"/api/staff/cases/{third.Id}/plan", new { summary = "施工许可阶段全程包办", steps = new[] { new { order = 1, description = "申领施工许可证", itemCode = "S3-03" } } }));
        await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync($"/api/mp/cases/{third.Id}/plan-decision", new { agree = true }));
        await ProblemAssert.OkAsync<CaseResponse>(await itsAgent.PostAsync($"/api/staff/cases/{third.Id}/start", null));
        var code = assigned.Items[0].Code;
        await ProblemAssert.OkAsync<CaseResponse>(await itsAgent.PostAsJsonAsync($"/api/staff/cases/{third.Id}/items/{code}/submit", new { on = "2026-11-25" }));
        var recorded = await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync($"/api/staff/cases/{third.Id}/withdrawal", new { reason = "企业来电：项目取消" }));

        Assert.Equal(CaseStatus.Withdrawn, recorded.Status);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        Assert.False(await db.CaseItems.AnyAsync(i => i.CaseId == third.Id && i.RunningDueOn != null));
        var toAgent = await db.Notifications.AsNoTracking().Where(n => n.CaseId == third.Id && n.TemplateKey == "case-update").Select(n => n.Title).ToListAsync();
        Assert.Contains("企业撤回了申请", toAgent);
        Assert.Contains(await ProblemAssert.OkAsync<List<InAppMessage>>(await enterprise.GetAsync("/api/mp/messages")), m => m.Title == "申请已撤回" && m.CaseId == third.Id);
    }

    [Fact]
    public async Task TheCollectionForm_OfAnOnlineApplication_IsCompletedWithTheEnterprise_ByTheWindowOrItsAgent()
    {
        var (enterprise, view, clerk, assigned, agent, otherAgent) = await AssignedApplicationAsync("oJourneyCollection00001");
        var url = $"/api/staff/cases/{view.Id}/collection-form";

        var asApplied = await ProblemAssert.OkAsync<CollectionFormResponse>(await agent.GetAsync(url));
        Assert.Null(asApplied.CollectedBy);
        Assert.Equal(9000m, asApplied.Project.FloorAreaSquareMeters);

        var corrected = asApplied.Project with { FloorAreaSquareMeters = 9600m, ConstructionContent = "研发楼一栋，地上六层", ProjectCode = "2611-371083-04-01-000123", ContactPhone = "13800001234" };
        var bad = await agent.PutAsJsonAsync(url, corrected with { FloorAreaSquareMeters = -1m });
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(9000m, (await ProblemAssert.OkAsync<CollectionFormResponse>(await agent.GetAsync(url))).Project.FloorAreaSquareMeters);
        var saved = await ProblemAssert.OkAsync<CollectionFormResponse>(await agent.PutAsJsonAsync(url, corrected));

        Assert.Equal(assigned.AgentName, saved.CollectedBy);
        Assert.Equal(9600m, saved.Project.FloorAreaSquareMeters);
        Assert.Equal("研发楼一栋，地上六层", (await ProblemAssert.OkAsync<CollectionFormResponse>(await clerk.GetAsync(url))).Project.ConstructionContent);
        Assert.Contains((await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.GetAsync($"/api/mp/cases/{view.Id}"))).Timeline,
            t => t.Content.StartsWith($"项目信息采集表已由{assigned.AgentName}与企业核实填写"));
        // The window may complete it too; supervision reads it; another agent and a department liaison do not see it.
        Assert.Equal("王敏", (await ProblemAssert.OkAsync<CollectionFormResponse>(await clerk.PutAsJsonAsync(url, corrected))).CollectedBy);
        var supervisor = await App.SignedInAsync("chenjing");
        await ProblemAssert.OkAsync<CollectionFormResponse>(await supervisor.GetAsync(url));
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutAsJsonAsync(url, corrected)).StatusCode);
        await ProblemAssert.IsProblemAsync(await otherAgent.PutAsJsonAsync(url, corrected), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await (await App.SignedInAsync("liuyang")).GetAsync(url), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Apply_BadInput_IsAProblem_AndCreatesNothing()
    {
        var enterprise = await App.MiniProgramUserAsync("oJourneyBadInput000001");
        await ProblemAssert.IsProblemAsync(await enterprise.PostAsJsonAsync("/api/mp/cases", Application()), HttpStatusCode.UnprocessableEntity);
        await ProblemAssert.IsProblemAsync(await enterprise.PostAsJsonAsync("/api/mp/enterprises", new { enterpriseName = "某公司", creditCode = "123", contactName = "甲" }), HttpStatusCode.UnprocessableEntity);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().EnterpriseContacts.AnyAsync(c => c.MiniProgramOpenId == "oJourneyBadInput000001"));
    }
}
