using System.Net;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Web.Consultation;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Consultation;

/// <summary>Admins add questions to the bot's FAQ; the bot answers them at once.</summary>
[Collection(HostCollection.Name)]
public sealed class FaqTests : StaffAppTest
{
    private const string Question = "代办服务可以上门吗？";
    private const string Answer = "可以。重大项目的代办员可预约上门，到企业现场梳理审批事项并辅导准备材料。";

    private async Task<int> FaqCountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().FaqEntries.CountAsync();
    }

    [Fact]
    public async Task AdminAddsAnFaqQuestion_TheBotAnswersIt_AndTheAdditionIsAudited()
    {
        var admin = await App.SignedInAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/staff/faq",
            new { topic = "service", question = Question, alternates = new[] { "能不能上门代办" }, answer = Answer });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await ProblemAssert.OkAsync<FaqView>(created);
        Assert.StartsWith("faq-", view.Key);
        Assert.Equal($"/api/staff/faq/{view.Key}", created.Headers.Location?.OriginalString);

        var asked = await ProblemAssert.OkAsync<AskResponse>(
            await App.CreateClient().PostAsJsonAsync("/api/chat/ask", new { question = Question }));
        Assert.Contains("预约上门", asked.Answer);
        Assert.Equal($"faq:{view.Key}", asked.Sources[0].Id);

        var listed = await ProblemAssert.OkAsync<List<FaqView>>(await admin.GetAsync("/api/staff/faq"));
        Assert.Contains(listed, f => f.Key == view.Key && f.Active);
        await using var scope = App.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().AuditEntries
            .SingleAsync(a => a.Action == "faq.create");
        Assert.Equal(view.Key, audit.EntityId);
        Assert.Equal("系统管理员", audit.ActorName);
    }

    [Fact]
    public async Task BadOrDuplicateFaqQuestions_AreRefusedInChinese_AndChangeNothing()
    {
        var admin = await App.SignedInAsync("admin");
        var before = await FaqCountAsync();

        var noAnswer = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/staff/faq",
            new { topic = "service", question = Question, answer = "  " }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("请填写答案。", noAnswer.GetProperty("title").GetString());
        var badKey = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/staff/faq",
            new { key = "../上门", topic = "service", question = Question, answer = Answer }),
            HttpStatusCode.UnprocessableEntity);
        Assert.Contains("条目编号", badKey.GetProperty("title").GetString());
        // The shipped question, asked again with other spacing and punctuation.
        var duplicate = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/staff/faq",
            new { topic = "stage4", question = "城建档案 什么时候交", answer = Answer }), HttpStatusCode.Conflict);
        Assert.Contains("城建档案什么时候交", duplicate.GetProperty("title").GetString());
        Assert.Equal("问题", duplicate.GetProperty("fieldLabel").GetString());
        var takenKey = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/staff/faq",
            new { key = "s4-archives", topic = "service", question = Question, answer = Answer }),
            HttpStatusCode.Conflict);
        Assert.Contains("已存在", takenKey.GetProperty("title").GetString());

        Assert.Equal(before, await FaqCountAsync());
        await using var scope = App.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().AuditEntries
            .AnyAsync(a => a.Action == "faq.create"));
    }

    [Fact]
    public async Task ANonAdmin_CannotAddAnFaqQuestion()
    {
        var before = await FaqCountAsync();
        foreach (var user in new[] { "zhangli", "wangmin", "chenjing" })
        {
            var staff = await App.SignedInAsync(user);
            await ProblemAssert.IsProblemAsync(await staff.PostAsJsonAsync("/api/staff/faq",
                new { topic = "service", question = Question, answer = Answer }), HttpStatusCode.Forbidden);
        }
        await ProblemAssert.IsProblemAsync(await App.CreateClient().PostAsJsonAsync("/api/staff/faq",
            new { topic = "service", question = Question, answer = Answer }), HttpStatusCode.Unauthorized);
        Assert.Equal(before, await FaqCountAsync());
    }

    [Fact]
    public async Task AnEditCannotCopyAnotherEntrysQuestion_SoNoCopyTakesItsAnswerOver()
    {
        var admin = await App.SignedInAsync("admin");
        var view = await ProblemAssert.OkAsync<FaqView>(await admin.PostAsJsonAsync("/api/staff/faq",
            new { topic = "service", question = Question, alternates = new string?[] { null, "能不能上门代办" },
                answer = Answer }));
        Assert.Equal(["能不能上门代办"], view.Alternates);
        var fee = (await ProblemAssert.OkAsync<List<FaqView>>(await admin.GetAsync("/api/staff/faq")))
            .First(f => f.Key != view.Key && f.Active);

        var copied = await ProblemAssert.IsProblemAsync(await admin.PutAsJsonAsync($"/api/staff/faq/{view.Key}",
            new { question = fee.Question + "  ", answer = "代办服务收费5000元/件。" }), HttpStatusCode.Conflict);
        Assert.Contains(fee.Question, copied.GetProperty("title").GetString());
        Assert.Equal("问题", copied.GetProperty("fieldLabel").GetString());
        var kept = (await ProblemAssert.OkAsync<List<FaqView>>(await admin.GetAsync("/api/staff/faq")))
            .Single(f => f.Key == view.Key);
        Assert.Equal((Question, Answer), (kept.Question, kept.Answer));
        // Its own question, asked again in an edit, is no copy.
        var edited = await admin.PutAsJsonAsync($"/api/staff/faq/{view.Key}",
            new { question = Question, answer = Answer + "需提前预约。" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
    }
}
