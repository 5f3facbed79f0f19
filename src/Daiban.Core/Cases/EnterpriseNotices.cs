using System.Text.Json;
using Daiban.Core.Calendar;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;

namespace Daiban.Core.Cases;

/// <summary>
/// The subscribe messages an enterprise contact gets as its case moves (PROTOCOL §4.2 value rules apply when
/// sent): one per event and case, queued in the outbox with the change.
/// </summary>
public static class EnterpriseNotices
{
    public static Task RegisteredAsync(DaibanDbContext db, Case c, DateTimeOffset now, CancellationToken ct) =>
        AddAsync(db, c, "registered", "case-registered", "您的申请已登记",
            new() { ["character_string1"] = c.CaseNumber, ["thing2"] = $"{c.Mode.Name()}申请已登记，正在为您指派代办员", ["time3"] = ChinaTime.Display(now) }, now, ct);

    /// <summary>
    /// The document number comes first: a 批准文号 (乳住建施字〔2026〕第0123号) nearly fills the message's short text
    /// field by itself, and a value too long for it is cut at its end, so the item's name gives way, not the number.
    /// </summary>
    public static Task ItemApprovedAsync(DaibanDbContext db, Case c, CaseItem item, DateTimeOffset now, CancellationToken ct) =>
        AddAsync(db, c, $"item:{item.ItemCode}:approved", "item-approved", $"{item.ItemName}已办结",
            new()
            {
                ["character_string1"] = c.CaseNumber, ["thing2"] = $"{item.ResultDocumentNo}，{item.ItemName}已批准",
                ["time3"] = ChinaTime.Display(now),
            }, now, ct);

    public static Task ResultsReadyAsync(DaibanDbContext db, Case c, DateTimeOffset now, CancellationToken ct) =>
        AddAsync(db, c, "results-ready", "results-ready", "办理结果已出",
            new() { ["character_string1"] = c.CaseNumber, ["thing2"] = "全部事项已办结，代办员将统一送达办理结果", ["time3"] = ChinaTime.Display(now) }, now, ct);

    public static Task PlanToAgreeAsync(DaibanDbContext db, Case c, DateTimeOffset now, CancellationToken ct) =>
        AddAsync(db, c, $"plan:{c.CurrentPlan?.Version}", "plan-to-agree", "服务方案待您确认",
            new() { ["character_string1"] = c.CaseNumber, ["thing2"] = "代办员已提交服务方案，请查看并确认", ["time3"] = ChinaTime.Display(now) }, now, ct);

    public static Task MaterialsNeededAsync(DaibanDbContext db, Case c, IReadOnlyList<string> missing, DateTimeOffset now, CancellationToken ct) =>
        AddAsync(db, c, $"materials:{c.Transitions.Count}", "materials-needed", "请补充材料",
            new() { ["character_string1"] = c.CaseNumber, ["thing2"] = $"需补充{missing.Count}项材料：{string.Join("、", missing)}", ["time3"] = ChinaTime.Display(now) }, now, ct);

    public static Task ResultsSentAsync(DaibanDbContext db, Case c, DateTimeOffset now, CancellationToken ct) =>
        AddAsync(db, c, "delivery", "delivery-sent", "办理结果已寄出",
            new() { ["character_string1"] = c.CaseNumber, ["thing2"] = $"{c.Delivery?.Carrier} {c.Delivery?.TrackingNumber}", ["time3"] = ChinaTime.Display(now) }, now, ct);

    /// <summary>The window did not accept the application, or recorded the enterprise's withdrawal: the reason is in the message.</summary>
    public static Task ClosedAsync(DaibanDbContext db, Case c, DateTimeOffset now, CancellationToken ct) =>
        AddAsync(db, c, $"closed:{c.Status}", "case-closed", c.Status == CaseStatus.Rejected ? "申请未予受理" : "申请已撤回",
            new() { ["character_string1"] = c.CaseNumber, ["thing2"] = c.ClosingReason ?? "", ["time3"] = ChinaTime.Display(now) }, now, ct);

    public static Task PapersMailedBackAsync(DaibanDbContext db, Case c, Parcel parcel, DateTimeOffset now, CancellationToken ct) =>
        AddAsync(db, c, $"parcel:{parcel.TrackingNumber}", "delivery-sent", "材料已寄回",
            new() { ["character_string1"] = c.CaseNumber, ["thing2"] = $"{parcel.Carrier} {parcel.TrackingNumber}", ["time3"] = ChinaTime.Display(now) }, now, ct);

    private static async Task AddAsync(DaibanDbContext db, Case c, string what, string template, string title, Dictionary<string, string> data, DateTimeOffset now, CancellationToken ct)
    {
        if (c.ApplicantContactId is not { } contactId)
            return;
        await db.AddOnceAsync(new Notification($"case:{c.CaseNumber}:{what}", RecipientKind.EnterpriseContact, contactId, NotificationChannel.Subscribe,
            template, title, JsonSerializer.Serialize(data), $"pages/case/detail?id={c.Id}", c.Id, now), ct);
    }

}
