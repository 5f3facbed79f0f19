using System.Text.Json;
using Daiban.Core.Calendar;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;

namespace Daiban.Core.Cases;

/// <summary>Official Account template messages to the case's agent when the enterprise acts, queued with the change.</summary>
public static class StaffNotices
{
    public static Task PlanDecidedAsync(DaibanDbContext db, Case c, DateTimeOffset now, CancellationToken ct)
    {
        var plan = c.CurrentPlan;
        var agreed = plan?.Decision == PlanDecision.Agreed;
        return AddAsync(db, c, $"plan:{plan?.Version}:{plan?.Decision}", agreed ? "企业已确认服务方案" : "企业退回服务方案",
            agreed ? "企业已确认服务方案，可开始办理" : $"企业退回方案：{plan?.DecisionComment}", now, ct);
    }

    public static Task MaterialsSuppliedAsync(DaibanDbContext db, Case c, MaterialRecord material, DateTimeOffset now, CancellationToken ct) =>
        AddAsync(db, c, $"material:{Path.GetFileNameWithoutExtension(material.FileReference ?? material.Name)[..Math.Min(16, Path.GetFileNameWithoutExtension(material.FileReference ?? material.Name).Length)]}", "企业上传了补充材料", $"企业上传材料：{material.Name}，请进行形式审查", now, ct);

    public static Task MaterialsMailedAsync(DaibanDbContext db, Case c, Parcel parcel, DateTimeOffset now, CancellationToken ct) =>
        AddAsync(db, c, $"parcel:{parcel.TrackingNumber}", "企业已寄出材料", $"{parcel.Carrier} {parcel.TrackingNumber}，收到后请确认", now, ct);

    public static Task WithdrawnAsync(DaibanDbContext db, Case c, DateTimeOffset now, CancellationToken ct) =>
        AddAsync(db, c, "withdrawn", "企业撤回了申请", $"企业撤回申请：{c.ClosingReason}", now, ct);

    public static Task ReceiptConfirmedAsync(DaibanDbContext db, Case c, DateTimeOffset now, CancellationToken ct) =>
        AddAsync(db, c, "receipt", "企业已确认签收", "企业已签收办理结果，服务结束，请整理归档", now, ct);

    private static async Task AddAsync(DaibanDbContext db, Case c, string what, string title, string summary, DateTimeOffset now, CancellationToken ct)
    {
        if (c.AgentId is not { } agentId)
            return;
        await db.AddOnceAsync(new Notification($"case:{c.CaseNumber}:{what}:agent", RecipientKind.Staff, agentId, NotificationChannel.Template,
            "case-update", title, JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["character_string1"] = c.CaseNumber,
                ["thing2"] = summary,
                ["time3"] = ChinaTime.Display(now),
            }), $"pages/agent/case?id={c.Id}", c.Id, now), ct);
    }
}
