using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.Web.Enterprises;
using Daiban.Web.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Support;

/// <summary>MariaDB + Redis with the demo team (known password) and the staff/enterprise templates configured.</summary>
public sealed class StaffApp() : DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis, demoData: true, settings: new Dictionary<string, string>
{
    ["Demo:StaffPassword"] = StaffApp.Password,
    ["WeChat:Templates:CaseAssigned"] = "TPL_CASE_ASSIGNED",
    ["WeChat:Templates:AgentAssigned"] = "TPL_AGENT_ASSIGNED",
    ["WeChat:Templates:PlanToAgree"] = "TPL_PLAN_TO_AGREE",
    ["WeChat:Templates:DeliverySent"] = "TPL_DELIVERY_SENT",
    ["WeChat:Templates:ConsultationHandoff"] = StaffApp.ConsultationTemplate,
})
{
    public const string Password = "Daiban-test-2026";
    public const string ConsultationTemplate = "TPL_CONSULTATION";

    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/staff/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<StaffLoginResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!.Token);
        return client;
    }

    /// <summary>The id of the demo staff member <paramref name="userName"/>.</summary>
    public async Task<long> StaffIdAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DaibanDbContext>().Staff
            .Where(s => s.UserName == userName).Select(s => s.Id).SingleAsync();
    }

    /// <summary>
    /// The window confirms a contact after checking the evidence (here: the legal representative's word). Registering
    /// an application no longer confirms its applicant, so every journey that acts for an enterprise does this.
    /// </summary>
    public async Task<ContactDecisionResponse> ConfirmContactAsync(long contactId)
    {
        var clerk = await SignedInAsync("wangmin");
        return await ProblemAssert.OkAsync<ContactDecisionResponse>(await clerk.PostAsJsonAsync($"/api/staff/contacts/{contactId}/confirmation",
            new { evidence = "LegalRepresentative", note = "电话联系法定代表人核实" }));
    }
}

/// <summary>A test class that gets its own <see cref="StaffApp"/> (fresh database) for each test.</summary>
public abstract class StaffAppTest : IAsyncLifetime
{
    protected StaffApp App { get; } = new();

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}
