using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.Web.Cases;
using Daiban.Web.Staff;
using Daiban.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Daiban.Web.Tests.Cases;

/// <summary>
/// An application is stored by one save: refused by validation, through either door, it leaves no project, case,
/// enterprise or contact behind; accepted, everything it needs lands together. On both providers, through HTTP.
/// </summary>
public abstract class RefusedApplicationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string CreditCode = "91110000802100433B";

    private readonly DaibanAppFactory _app = new(provider, provider == DatabaseProvider.MySql ? TestServers.Redis : null,
        demoData: true, settings: new Dictionary<string, string> { ["Demo:StaffPassword"] = StaffApp.Password });

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private static object Project => new { name = "海岸研发楼", location = "乳山市", investmentType = "Social", kind = "Industrial" };

    private async Task<(int Projects, int Cases, int Enterprises, int Contacts)> CountAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        return (await db.Projects.CountAsync(), await db.Cases.CountAsync(), await db.Enterprises.CountAsync(),
            await db.EnterpriseContacts.CountAsync());
    }

    private async Task<HttpClient> ClerkAsync()
    {
        var client = _app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/staff/auth/login", new { userName = "wangmin", password = StaffApp.Password });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<StaffLoginResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!.Token);
        return client;
    }

    [Fact]
    public async Task AnOnlineApplicationWithoutScope_IsRefused_AndLeavesNoProjectRow()
    {
        var enterprise = await _app.MiniProgramUserAsync("o-refused-online");
        await ProblemAssert.OkAsync<EnterpriseBinding>(await enterprise.PostAsJsonAsync("/api/mp/enterprises",
            new { enterpriseName = "乳山市海岸新材料有限公司", creditCode = CreditCode, contactName = "孙海" }));
        var before = await CountAsync();

        await ProblemAssert.IsProblemAsync(await enterprise.PostAsJsonAsync("/api/mp/cases",
            new { mode = "Agency", stages = Array.Empty<int>(), project = Project }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AWalkInWithoutScope_IsRefused_AndLeavesNoEnterpriseContactOrProject()
    {
        var clerk = await ClerkAsync();
        var before = await CountAsync();

        await ProblemAssert.IsProblemAsync(await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市海岸新材料有限公司", creditCode = CreditCode, contactName = "孙海", contactPhone = "13806310009",
            mode = "Agency", stages = Array.Empty<int>(), project = Project,
        }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AWalkInOfANewEnterprise_StoresEnterpriseContactProjectCaseAndAudit_Together()
    {
        var clerk = await ClerkAsync();
        var before = await CountAsync();

        var walkIn = await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsJsonAsync("/api/staff/cases", new
        {
            enterpriseName = "乳山市海岸新材料有限公司", creditCode = CreditCode, contactName = "孙海", contactPhone = "13806310009",
            mode = "Agency", stages = new[] { 3 }, project = Project,
        }));

        Assert.Equal((before.Projects + 1, before.Cases + 1, before.Enterprises + 1, before.Contacts + 1), await CountAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DaibanDbContext>();
        var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == walkIn.Id);
        var contact = await db.EnterpriseContacts.AsNoTracking().SingleAsync(c => c.EnterpriseId == walkIn.EnterpriseId);
        Assert.Equal(contact.Id, stored.ApplicantContactId);
        Assert.True(await db.Projects.AnyAsync(p => p.Id == stored.ProjectId && p.EnterpriseId == walkIn.EnterpriseId));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "contact.confirm" && a.EntityId == $"{contact.Id}");
        Assert.Equal("王敏", audit.ActorName);
    }
}

public sealed class RefusedApplicationSqliteTests() : RefusedApplicationTests(DatabaseProvider.Sqlite);

public sealed class RefusedApplicationMariaDbTests() : RefusedApplicationTests(DatabaseProvider.MySql);
