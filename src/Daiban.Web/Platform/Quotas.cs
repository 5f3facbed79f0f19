using Daiban.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Platform;

/// <summary>
/// What one person and one enterprise may file and upload, for the whole cluster (section <c>Quotas</c>).
/// </summary>
public sealed class QuotaOptions
{
    public const string SectionName = "Quotas";

    public ApplicationQuotaOptions Applications { get; set; } = new();
    public UploadQuotaOptions Uploads { get; set; } = new();
}

/// <summary>
/// Applications (POST /api/mp/cases). A real enterprise files a handful a year; these only stop floods.
/// </summary>
public sealed class ApplicationQuotaOptions
{
    public long PerUserPerHour { get; set; } = 5;
    public long PerUserPerDay { get; set; } = 10;
    public long PerEnterprisePerDay { get; set; } = 20;
    /// <summary>
    /// A contact not confirmed yet: possibly a stranger, so far less. Not zero, nor one: an enterprise's first contact
    /// stays unconfirmed until the window confirms it on evidence, and may withdraw and file again meanwhile.
    /// </summary>
    public long PendingPerUserPerDay { get; set; } = 3;
    /// <summary>All unconfirmed contacts of one enterprise together (a stranger with several accounts).</summary>
    public long PendingPerEnterprisePerDay { get; set; } = 5;
}

/// <summary>Material uploads (POST /api/mp/cases/{id}/materials); a file is at most Uploads:MaxBytes.</summary>
public sealed class UploadQuotaOptions
{
    public long FilesPerUserPerHour { get; set; } = 30;
    public long BytesPerUserPerDay { get; set; } = 200L * 1024 * 1024;
    public long BytesPerEnterprisePerDay { get; set; } = 500L * 1024 * 1024;
}

/// <summary>
/// The quotas as <see cref="UsageLimit"/>s. Each check takes from the limits in order and stops at the first that
/// runs out, so a refusal by the user's own limit never eats the enterprise's. When the shared store is down the
/// request goes through (logged): these stop floods, they guard no secret.
/// </summary>
public sealed class Quotas(UsageLimits limits, IOptions<QuotaOptions> options)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Takes one application; a 429 to return when a limit has run out, else null.</summary>
    public Task<ProblemHttpResult?> TakeApplicationAsync(HttpContext http, string openId, long enterpriseId,
        bool confirmed) =>
        TakeAsync(http, "提交申请过于频繁，请稍后再试", 1, ApplicationLimits(openId, enterpriseId, confirmed));

    /// <summary>
    /// Gives back what <see cref="TakeApplicationAsync"/> took for a request that filed nothing: refused for its
    /// content, or a replay answered with the case it had created. Only applications filed count.
    /// </summary>
    public async Task GiveBackApplicationAsync(string openId, long enterpriseId, bool confirmed)
    {
        foreach (var (limit, who, _) in ApplicationLimits(openId, enterpriseId, confirmed))
            await limits.GiveBackAsync(limit, who);
    }

    private (UsageLimit Limit, string Who, string Detail)[] ApplicationLimits(string openId, long enterpriseId,
        bool confirmed)
    {
        var o = options.Value.Applications;
        var enterprise = enterpriseId.ToString();
        return confirmed
            ?
            [
                (PerHour("apply-user-hour", o.PerUserPerHour), openId, $"每人每小时最多提交{o.PerUserPerHour}份申请。"),
                (PerDay("apply-user-day", o.PerUserPerDay), openId, $"每人每天最多提交{o.PerUserPerDay}份申请。"),
                (PerDay("apply-enterprise-day", o.PerEnterprisePerDay), enterprise,
                    $"同一企业每天最多提交{o.PerEnterprisePerDay}份申请。"),
            ]
            :
            [
                (PerDay("apply-pending-user-day", o.PendingPerUserPerDay), openId,
                    $"您与该企业的绑定尚未确认，每天最多提交{o.PendingPerUserPerDay}份申请；确认后可提交更多。"),
                (PerDay("apply-pending-enterprise-day", o.PendingPerEnterprisePerDay), enterprise,
                    "该企业未确认的联系人今天提交的申请已达上限，请先由企业已确认的联系人或综合窗口确认绑定。"),
            ];
    }

    /// <summary>Takes one file of <paramref name="bytes"/>; a 429 when a limit has run out, else null.</summary>
    public async Task<ProblemHttpResult?> TakeUploadAsync(HttpContext http, string openId, long enterpriseId,
        long bytes)
    {
        var o = options.Value.Uploads;
        const string title = "上传过于频繁或文件总量已达上限，请稍后再试";
        var files = PerHour("upload-files-user-hour", o.FilesPerUserPerHour);
        var tooManyFiles = await TakeAsync(http, title, 1,
            (files, openId, $"每人每小时最多上传{o.FilesPerUserPerHour}个文件。"));
        if (tooManyFiles is not null)
            return tooManyFiles;
        var tooManyBytes = await TakeAsync(http, title, bytes,
            (PerDay("upload-bytes-user-day", o.BytesPerUserPerDay), openId,
                $"每人每天最多上传{Size(o.BytesPerUserPerDay)}。"),
            (PerDay("upload-bytes-enterprise-day", o.BytesPerEnterprisePerDay), enterpriseId.ToString(),
                $"同一企业每天最多上传{Size(o.BytesPerEnterprisePerDay)}。"));
        if (tooManyBytes is not null)
            await limits.GiveBackAsync(files, openId);
        return tooManyBytes;
    }

    private static UsageLimit PerHour(string name, long max) => new(name, max, Hour, OpenWhenStoreDown: true);

    private static UsageLimit PerDay(string name, long max) => new(name, max, Day, OpenWhenStoreDown: true);

    private async Task<ProblemHttpResult?> TakeAsync(HttpContext http, string title, long amount,
        params (UsageLimit Limit, string Who, string Detail)[] steps)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            var (limit, who, detail) = steps[i];
            if (await limits.TryTakeAsync(limit, who, amount))
                continue;
            // A refused request takes nothing: what the earlier limits gave it goes back.
            for (var j = 0; j < i; j++)
                await limits.GiveBackAsync(steps[j].Limit, steps[j].Who, amount);
            return TooManyRequests.Problem(http, limit, title, detail);
        }
        return null;
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} 字节";
}
