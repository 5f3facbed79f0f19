using System.Net.Http.Json;
using Daiban.Web.Notifications;
using Daiban.Web.Tests.Support;

namespace Daiban.Web.Tests.Notifications;

[Collection(HostCollection.Name)]
public sealed class SubscriptionTests : StaffAppTest
{
    private static int Remaining(List<SubscriptionState> states, string key) => states.Single(s => s.TemplateKey == key).Remaining;

    [Fact]
    public async Task TheMiniProgramsReport_RecordsConsent_WithoutCountingAPushedAcceptanceTwice()
    {
        const string openId = "oSubscribeReport000000001";
        var user = await App.MiniProgramUserAsync(openId);
        // WeChat pushes the popup's choice for one template ...
        await user.PostAsJsonAsync("/_wx/test/subscribe", new { openId, templateId = "TPL_PLAN_TO_AGREE", count = 1 });
        for (var i = 0; i < 100 && Remaining(await ProblemAssert.OkAsync<List<SubscriptionState>>(await user.GetAsync("/api/mp/subscriptions")), "plan-to-agree") == 0; i++)
            await Task.Delay(50);

        // ... and the mini-program reports the same popup, plus a template whose push never came and one we do not use.
        var states = await ProblemAssert.OkAsync<List<SubscriptionState>>(await user.PostAsJsonAsync("/api/mp/subscriptions", new
        {
            results = new Dictionary<string, string> { ["TPL_PLAN_TO_AGREE"] = "accept", ["TPL_DELIVERY_SENT"] = "accept", ["TPL_SOMEONE_ELSES"] = "accept" },
        }));
        Assert.Equal(1, Remaining(states, "plan-to-agree"));
        Assert.Equal(1, Remaining(states, "delivery-sent"));
        Assert.DoesNotContain(states, s => s.TemplateId == "TPL_SOMEONE_ELSES");

        states = await ProblemAssert.OkAsync<List<SubscriptionState>>(await user.PostAsJsonAsync("/api/mp/subscriptions", new
        {
            results = new Dictionary<string, string> { ["TPL_DELIVERY_SENT"] = "reject", ["TPL_PLAN_TO_AGREE"] = "filter" },
        }));
        Assert.Equal(0, Remaining(states, "delivery-sent"));
        Assert.Equal(1, Remaining(states, "plan-to-agree"));
        await ProblemAssert.IsProblemAsync(await user.PostAsJsonAsync("/api/mp/subscriptions", new { }), System.Net.HttpStatusCode.UnprocessableEntity);
    }
}
