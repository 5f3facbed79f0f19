using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Reminders;
using Daiban.Core.Staff;
using Daiban.Core.Supervision;
using Daiban.Testing;
using Daiban.WeChat.Emulator;
using Daiban.Web.Cases;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Supervision;

/// <summary>
/// A bad review through the mini-program API opens its rectification, its callback and the supervisor's notice in
/// the evaluation's own transaction: all there when the request returns, with the reminder sweep never run (its
/// schedule is pushed a year away), and the notice on its way to WeChat at once.
/// </summary>
public abstract class BadReviewTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly DaibanAppFactory _app = new(provider,
        provider == DatabaseProvider.MySql ? TestServers.Redis : null,
        settings: new Dictionary<string, string>
        {
            ["WeChat:Templates:RectificationDue"] = "TPL_RECTIFICATION",
            ["Jobs:RemindersCron"] = "0 0 0 1 1 *",
            ["Jobs:DailyDigestCron"] = "0 0 0 1 1 *",
        });

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    /// <summary>A case delivered today, a supervisor who follows the Official Account, the contact's openid.</summary>
    private async Task<(long CaseId, long SupervisorId, string SupervisorOpenId, string ContactOpenId)>
        DeliveredCaseAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        var now = DateTimeOffset.UtcNow;
        var agent = new StaffMember("agent-zhao", "赵刚", StaffRoles.Agent, now);
        var supervisor = new StaffMember("sup-chen", "陈静", StaffRoles.Supervisor, now);
        var supervisorOpenId = $"oa{Guid.NewGuid():N}"[..26];
        supervisor.BindOfficialAccount(supervisorOpenId, now);
        db.Staff.AddRange(agent, supervisor);
        await db.SaveChangesAsync();
        var (enterpriseId, projectId, contactId) = await TestData.SeedEnterpriseAsync(db, now);
        var items = await db.ApprovalItems.Include(i => i.Materials).Where(i => i.Code == "S3-03").ToListAsync();
        var calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
        var by = Actor.Staff(agent.Id, agent.DisplayName);
        var c = Case.Submit(enterpriseId, projectId, contactId, ServiceMode.Agency,
            ApplicationChannel.Online, [], items, "代办", null,
            Actor.Contact(contactId, "孙海"), now);
        c.Register(Actor.Staff(1, "王敏"), now);
        c.AssignAgent(agent.Id, agent.DisplayName, "测试", Actor.Staff(1, "王敏"), now);
        c.Start(by, now);
        c.SubmitItem("S3-03", ChinaTime.DateOf(now), null, calendar, by, now);
        c.ApproveItem("S3-03", "SG-2026-9", null, by, now);
        c.MarkResultsReady(by, now);
        c.DeliverInPerson("施工许可证", "孙海", null, by, now);
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        var openId = await db.EnterpriseContacts.Where(x => x.Id == contactId)
            .Select(x => x.MiniProgramOpenId!).SingleAsync();
        return (c.Id, supervisor.Id, supervisorOpenId, openId);
    }

    [Fact]
    public async Task ABadReview_HasItsRectificationCallbackAndNotice_AsSoonAsTheRequestReturns()
    {
        var (caseId, supervisorId, supervisorOpenId, contactOpenId) = await DeliveredCaseAsync();
        var emulator = _app.Services.GetRequiredService<WeChatEmulator>();
        emulator.Follow(supervisorOpenId);
        var enterprise = await _app.MiniProgramUserAsync(contactOpenId);
        var review = new { overall = "Dissatisfied", comment = "材料来回跑了三次" };

        var evaluated = await ProblemAssert.OkAsync<EnterpriseCaseView>(
            await enterprise.PostAsJsonAsync($"/api/mp/cases/{caseId}/evaluation", review));

        Assert.Equal(CaseStatus.Evaluated, evaluated.Status);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            var evaluationId = await db.Set<Evaluation>().Where(e => e.CaseId == caseId)
                .Select(e => e.Id).SingleAsync();
            var rectification = await db.Rectifications.AsNoTracking().SingleAsync(r => r.CaseId == caseId);
            Assert.Equal((evaluationId, supervisorId, RectificationStatus.Open),
                (rectification.EvaluationId, rectification.AssigneeId, rectification.Status));
            var callback = await db.Callbacks.AsNoTracking().SingleAsync(c => c.CaseId == caseId);
            Assert.Equal((CallbackKind.BadReview, supervisorId, rectification.Deadline),
                (callback.Kind, callback.AssigneeId, callback.DueOn));
            Assert.True(await db.Notifications.AnyAsync(n => n.DeduplicationKey ==
                $"evaluation:{evaluationId}:rectification:s{supervisorId}"));
        }

        // The same review sent again (a retried request) changes nothing; the supervisor's notice reaches WeChat once.
        await ProblemAssert.OkAsync<EnterpriseCaseView>(
            await enterprise.PostAsJsonAsync($"/api/mp/cases/{caseId}/evaluation", review));
        for (var i = 0; i < 100 && emulator.Messages(supervisorOpenId).Count == 0; i++)
            await Task.Delay(50);
        Assert.Equal("TPL_RECTIFICATION", Assert.Single(emulator.Messages(supervisorOpenId)).TemplateId);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
            Assert.Equal(1, await db.Rectifications.CountAsync(r => r.CaseId == caseId));
            Assert.Equal(1, await db.Callbacks.CountAsync(c => c.CaseId == caseId));
        }
    }

    [Fact]
    public async Task AGoodReview_OpensNothing()
    {
        var (caseId, _, _, contactOpenId) = await DeliveredCaseAsync();
        var enterprise = await _app.MiniProgramUserAsync(contactOpenId);

        await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync(
            $"/api/mp/cases/{caseId}/evaluation", new { overall = "VerySatisfied", comment = "全程省心" }));

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        Assert.False(await db.Rectifications.AnyAsync(r => r.CaseId == caseId));
        Assert.False(await db.Callbacks.AnyAsync(c => c.CaseId == caseId));
        // Aspects left unrated stay unrated: the archive must not claim ratings nobody gave.
        Assert.Null(await db.Set<Evaluation>().Where(e => e.CaseId == caseId).Select(e => e.Attitude).SingleAsync());
    }

    [Fact]
    public async Task AFairOverallLevel_WithAVeryBadAspect_IsABadReview_WithItsReason()
    {
        var (caseId, _, _, contactOpenId) = await DeliveredCaseAsync();
        var enterprise = await _app.MiniProgramUserAsync(contactOpenId);
        var url = $"/api/mp/cases/{caseId}/evaluation";

        var silent = await enterprise.PostAsJsonAsync(url, new { overall = "Satisfied", attitude = "VeryDissatisfied" });
        Assert.Contains("请写下原因", (await ProblemAssert.IsProblemAsync(silent, HttpStatusCode.UnprocessableEntity))
            .GetProperty("title").GetString());
        await ProblemAssert.OkAsync<EnterpriseCaseView>(await enterprise.PostAsJsonAsync(url,
            new { overall = "Satisfied", attitude = "VeryDissatisfied", comment = "电话里态度很差" }));

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        Assert.True(await db.Rectifications.AnyAsync(r => r.CaseId == caseId));
        Assert.True(await db.Callbacks.AnyAsync(c => c.CaseId == caseId));
    }
}

[Collection(HostCollection.Name)]
public sealed class MariaDbBadReviewTests() : BadReviewTests(DatabaseProvider.MySql);

[Collection(HostCollection.Name)]
public sealed class SqliteBadReviewTests() : BadReviewTests(DatabaseProvider.Sqlite);
