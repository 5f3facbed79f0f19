using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Daiban.Web.Cases;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Daiban.Web.Tests.Support;

namespace Daiban.Web.Tests.Cases;

/// <summary>MariaDB + Redis, demo staff, quotas small enough to reach in a test.</summary>
public sealed class QuotaApp() : DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis, demoData: true, settings: Settings)
{
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["Demo:StaffPassword"] = StaffApp.Password,
        ["Quotas:Applications:PerUserPerHour"] = "3",
        ["Quotas:Applications:PerEnterprisePerDay"] = "4",
        ["Quotas:Applications:PendingPerUserPerDay"] = "1",
        ["Quotas:Applications:PendingPerEnterprisePerDay"] = "2",
        ["Quotas:Uploads:FilesPerUserPerHour"] = "3",
        ["Quotas:Uploads:BytesPerUserPerDay"] = "10000",
        ["Quotas:Uploads:BytesPerEnterprisePerDay"] = "15000",
    };
}

/// <summary>
/// Issue 16 item 10: one user uploaded 105 MB in 4.6 s, a pending stranger filed 20 applications for another
/// enterprise in 0.4 s. Every limit holds for the cluster: the steps alternate between two instances on one Redis.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class QuotaTests(QuotaApp app) : IClassFixture<QuotaApp>, IAsyncLifetime
{
    private DaibanAppFactory _second = null!;

    public async Task InitializeAsync()
    {
        _second = new DaibanAppFactory(DatabaseProvider.MySql, TestServers.Redis, sharedDatabase: app.Database, settings: QuotaApp.Settings);
        await ((IAsyncLifetime)_second).InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_second).DisposeAsync();

    private static string NewCreditCode()
    {
        var first17 = "91371083" + Random.Shared.NextInt64(100_000_000, 999_999_999);
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    private static string NewOpenId(string tag) => $"o{tag}{Guid.NewGuid():N}"[..28];

    private async Task<(HttpClient First, HttpClient Second, EnterpriseBinding Binding)> BoundUserAsync(string creditCode, string tag)
    {
        var openId = NewOpenId(tag);
        var first = await app.MiniProgramUserAsync(openId);
        var binding = await ProblemAssert.OkAsync<EnterpriseBinding>(await first.PostAsJsonAsync("/api/mp/enterprises",
            new { enterpriseName = "乳山市限额测试有限公司", creditCode, contactName = "孙海" }));
        var second = _second.CreateClient();
        second.DefaultRequestHeaders.Authorization = first.DefaultRequestHeaders.Authorization;
        return (first, second, binding);
    }

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient client, string key)
    {
        var apply = new HttpRequestMessage(HttpMethod.Post, "/api/mp/cases")
        {
            Content = JsonContent.Create(new
            {
                mode = "Agency", stages = new[] { 3 }, request = "代办施工许可",
                project = new { name = "限额测试楼", location = "乳山市", investmentType = "Social", kind = "Industrial" },
            }),
        };
        apply.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(apply);
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response, string detailPart)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Contains(detailPart, problem.GetProperty("detail").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private async Task<HttpClient> ClerkAsync()
    {
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/staff/auth/login", new { userName = "wangmin", password = StaffApp.Password });
        var token = (await login.Content.ReadFromJsonAsync<StaffLoginResponse>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The window registers the case and, on evidence, confirms its applicant (registration alone confirms nobody).</summary>
    private async Task RegisterAndConfirmAsync(long caseId, long contactId)
    {
        var clerk = await ClerkAsync();
        await ProblemAssert.OkAsync<CaseResponse>(await clerk.PostAsync($"/api/staff/cases/{caseId}/register", null));
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/staff/contacts/{contactId}/confirmation",
            new { evidence = "LegalRepresentative", note = "电话联系法定代表人核实" })).StatusCode);
    }

    [Fact]
    public async Task Applications_AreCappedForPendingContacts_ForEachUser_AndForTheEnterprise_OnEveryInstance()
    {
        var creditCode = NewCreditCode();
        var (owner, ownerElsewhere, ownerBinding) = await BoundUserAsync(creditCode, "Own");

        // Unconfirmed: one application; its retry (same key) on the other instance takes nothing.
        var firstCase = await ApplyAsync(owner, "k1");
        Assert.Equal(HttpStatusCode.Created, firstCase.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApplyAsync(ownerElsewhere, "k1")).StatusCode);
        await AssertTooManyAsync(await ApplyAsync(ownerElsewhere, "k2"), "尚未确认");

        // Strangers binding the same enterprise share one small allowance for it.
        var (stranger, _, strangerBinding) = await BoundUserAsync(creditCode, "Str");
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(stranger, "s1")).StatusCode);
        var (_, anotherElsewhere, _) = await BoundUserAsync(creditCode, "Ano");
        await AssertTooManyAsync(await ApplyAsync(anotherElsewhere, "a1"), "未确认的联系人");

        // Once the window confirms the owner, the per-user and per-enterprise limits apply.
        var caseId = (await firstCase.Content.ReadFromJsonAsync<EnterpriseCaseView>(TestJson.Options))!.Id;
        await RegisterAndConfirmAsync(caseId, ownerBinding.ContactId);
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(owner, "k3")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(ownerElsewhere, "k4")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(owner, "k5")).StatusCode);
        await AssertTooManyAsync(await ApplyAsync(ownerElsewhere, "k6"), "每人每小时");

        // A colleague the owner confirms has an hour of its own, but the enterprise's day is shared: 3 + 1 = 4.
        await ProblemAssert.OkAsync<object>(await owner.PostAsync(
            $"/api/mp/enterprises/{ownerBinding.EnterpriseId}/contacts/{strangerBinding.ContactId}/confirm", null));
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(stranger, "s2")).StatusCode);
        await AssertTooManyAsync(await ApplyAsync(stranger, "s3"), "同一企业每天");
    }

    [Fact]
    public async Task RefusedApplications_AndRacingReplays_TakeNothing()
    {
        var (pending, elsewhere, _) = await BoundUserAsync(NewCreditCode(), "Fix");
        var bad = new HttpRequestMessage(HttpMethod.Post, "/api/mp/cases")
        {
            Content = JsonContent.Create(new
            {
                mode = "Agency", stages = new[] { 3 },
                project = new { name = "", location = "乳山市", investmentType = "Social", kind = "Industrial" },
            }),
        };
        bad.Headers.Add("Idempotency-Key", "bad1");

        // A form with a mistake, corrected twice, then four taps racing with one key: one application filed.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await pending.SendAsync(bad)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await elsewhere.PostAsJsonAsync("/api/mp/cases",
            new { mode = "Agency", stages = new[] { 99 }, project = new { name = "限额测试楼", location = "乳山市" } }))
            .StatusCode);
        var racing = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(i => ApplyAsync(i % 2 == 0 ? pending : elsewhere, "race1")));

        Assert.Equal(1, racing.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(racing, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        // The pending user's one application a day is the one filed: the next is refused, saying so.
        await AssertTooManyAsync(await ApplyAsync(pending, "next1"), "尚未确认");
    }

    private static readonly byte[] PdfHeader = "%PDF-1.7\n"u8.ToArray();

    private static MultipartFormDataContent Pdf(int size, byte fill)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, fill);
        PdfHeader.CopyTo(bytes, 0);
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "scan.pdf");
        form.Add(new StringContent("扫描件"), "name");
        return form;
    }

    [Fact]
    public async Task Uploads_AreCappedInBytesPerUserAndEnterprise_AndInFilesPerHour_OnEveryInstance_ARepeatTakingNothing()
    {
        var creditCode = NewCreditCode();
        var (owner, ownerElsewhere, ownerBinding) = await BoundUserAsync(creditCode, "Up");
        var created = await ApplyAsync(owner, "u1");
        var caseId = (await created.Content.ReadFromJsonAsync<EnterpriseCaseView>(TestJson.Options))!.Id;
        await RegisterAndConfirmAsync(caseId, ownerBinding.ContactId);
        var url = $"/api/mp/cases/{caseId}/materials";

        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsync(url, Pdf(6000, (byte)'a'))).StatusCode);
        // The same file again is the material already registered: no bytes, no file taken.
        Assert.Equal(HttpStatusCode.OK, (await ownerElsewhere.PostAsync(url, Pdf(6000, (byte)'a'))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync(url, Pdf(6000, (byte)'a'))).StatusCode);
        // 6,000 + 6,000 bytes is over the user's 10,000 a day; refused, it takes nothing, so 3,000 more still fit.
        await AssertTooManyAsync(await ownerElsewhere.PostAsync(url, Pdf(6000, (byte)'b')), "每人每天最多上传");
        Assert.Equal(HttpStatusCode.Created, (await ownerElsewhere.PostAsync(url, Pdf(3000, (byte)'c'))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsync(url, Pdf(100, (byte)'d'))).StatusCode);
        // Files per hour: 'a', 'c', 'd' = 3; a fourth is refused whatever its size.
        await AssertTooManyAsync(await owner.PostAsync(url, Pdf(100, (byte)'g')), "每人每小时最多上传");

        // A confirmed colleague has bytes of its own, the enterprise's 15,000 are shared (9,100 used).
        var (colleague, colleagueElsewhere, colleagueBinding) = await BoundUserAsync(creditCode, "Col");
        await ProblemAssert.OkAsync<object>(await owner.PostAsync(
            $"/api/mp/enterprises/{ownerBinding.EnterpriseId}/contacts/{colleagueBinding.ContactId}/confirm", null));
        Assert.Equal(HttpStatusCode.Created, (await colleague.PostAsync(url, Pdf(5000, (byte)'e'))).StatusCode);
        await AssertTooManyAsync(await colleagueElsewhere.PostAsync(url, Pdf(2000, (byte)'f')), "同一企业每天最多上传");
        Assert.Equal(4, (await ProblemAssert.OkAsync<List<UploadedMaterial>>(await owner.GetAsync(url))).Count(m => m.Name == "扫描件"));
    }
}
