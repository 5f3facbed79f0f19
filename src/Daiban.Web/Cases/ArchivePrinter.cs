using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Common;

namespace Daiban.Web.Cases;

/// <summary>
/// The electronic archive as a printable HTML page: every section of the archive, labelled in Chinese, every value
/// HTML-encoded (text written by people is shown, never run), with the content hash at the foot.
/// </summary>
public static class ArchivePrinter
{
    // Keyed by the C# names; the content's camelCase names differ only in their first letter.
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CaseNumber"] = "案件编号", ["Mode"] = "服务方式", ["Channel"] = "申请渠道", ["ScopeStages"] = "申办阶段",
        ["Enterprise"] = "建设单位",
        ["Project"] = "项目信息", ["SubmittedAt"] = "申请时间", ["RegisteredAt"] = "登记时间", ["Assignments"] = "代办员指派",
        ["Plans"] = "服务方案", ["Items"] = "办理事项", ["Materials"] = "材料登记", ["Parcels"] = "双向免费邮寄", ["Log"] = "帮办代办包办日志",
        ["Transitions"] = "状态变更",
        ["Delivery"] = "统一送达", ["Evaluation"] = "服务评价", ["CompiledBy"] = "归档人", ["CompiledAt"] = "归档时间",
        ["Name"] = "名称", ["CreditCode"] = "统一社会信用代码", ["AgentName"] = "代办员", ["Reason"] = "理由", ["AssignedBy"] = "指派人",
        ["AssignedAt"] = "指派时间", ["EndedAt"] = "结束时间", ["Version"] = "版本", ["Summary"] = "概述", ["Steps"] = "步骤",
        ["ProposedByName"] = "提出人", ["ProposedAt"] = "提出时间", ["Decision"] = "企业意见", ["DecidedByName"] = "确认人",
        ["DecidedAt"] = "确认时间",
        ["DecisionComment"] = "意见说明", ["ItemCode"] = "事项编码", ["ItemName"] = "事项", ["Stage"] = "阶段",
        ["DepartmentCode"] = "部门",
        ["ImplementingBody"] = "实施机关", ["PromisedDays"] = "承诺时限（工作日）", ["Status"] = "状态", ["AcceptedOn"] = "受理日期",
        ["DueOn"] = "承诺办结日期",
        ["ResultDocumentNo"] = "批准文号", ["DecisionNote"] = "说明", ["Pauses"] = "暂停计时", ["At"] = "时间", ["Kind"] = "类别",
        ["ActorName"] = "记录人",
        ["Content"] = "内容", ["Problems"] = "存在问题", ["NextStep"] = "下一步", ["Method"] = "送达方式", ["Documents"] = "送达材料",
        ["Carrier"] = "快递公司", ["TrackingNumber"] = "快递单号", ["SignedByName"] = "签收人", ["ReceiptConfirmedAt"] = "签收时间",
        ["Overall"] = "总体评价", ["Comment"] = "评价意见", ["Suggestions"] = "意见建议",
        ["Direction"] = "方向", ["Contents"] = "邮寄材料", ["SentBy"] = "寄件人", ["SentAt"] = "寄出时间", ["ReceivedBy"] = "收件确认人",
        ["ReceivedAt"] = "收到时间",
        // 项目信息采集表 (ProjectFacts).
        ["ProjectCode"] = "项目代码", ["Location"] = "建设地点", ["InvestmentType"] = "投资类型",
        ["TotalInvestmentWanYuan"] = "总投资（万元）", ["LandAreaSquareMeters"] = "用地面积（平方米）",
        ["FloorAreaSquareMeters"] = "建筑面积（平方米）", ["BuildingHeightMeters"] = "建筑高度（米）",
        ["ConstructionContent"] = "建设内容", ["PlannedStart"] = "计划开工时间", ["CurrentStage"] = "目前所处阶段",
        ["LandSupply"] = "供地方式", ["ApprovalsObtained"] = "已办理手续", ["ContactName"] = "项目联系人",
        ["ContactPhone"] = "联系电话", ["Notes"] = "备注",
        ["Order"] = "顺序", ["Description"] = "内容", ["TargetDate"] = "目标日期", ["DecidedAt"] = "决定时间",
        ["PausedOn"] = "暂停日期", ["ResumedOn"] = "恢复日期", ["Note"] = "说明", ["Copies"] = "份数",
        ["IsOriginal"] = "原件", ["Review"] = "形式审查", ["ReviewNote"] = "审查意见",
        ["ForwardedToDepartment"] = "转交部门", ["ForwardedAt"] = "转交时间", ["OriginalReturnedAt"] = "原件退还时间",
        ["From"] = "原状态", ["To"] = "新状态", ["MailedAt"] = "寄出时间", ["Attitude"] = "服务态度",
        ["Efficiency"] = "办事效率", ["Expertise"] = "业务水平", ["Coordination"] = "协调能力",
        ["EvaluatedAt"] = "评价时间",
    };

    // The archive keeps enum names (stable, machine-readable); the printed page says them in Chinese, in Core's words.
    private static readonly IReadOnlyDictionary<string, string> StatusNames = EnumNames.ByName<CaseStatus>();

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> ValueNames = new(Labels.Comparer)
    {
        ["Channel"] = EnumNames.ByName<ApplicationChannel>(),
        ["Decision"] = EnumNames.ByName<PlanDecision>(),
        ["Review"] = EnumNames.ByName<MaterialReview>(),
        // A log line's kind and the project's kind share the key; their names do not overlap.
        ["Kind"] = Merged(EnumNames.ByName<LogKind>(), EnumNames.ByName<Core.Projects.ProjectKind>()),
        // A pause's reason is a PauseReason; an assignment's reason is free text and stays as written.
        ["Reason"] = EnumNames.ByName<PauseReason>(),
        ["Method"] = EnumNames.ByName<DeliveryMethod>(),
        ["Direction"] = EnumNames.ByName<ParcelDirection>(),
        ["From"] = StatusNames,
        ["To"] = StatusNames,
        ["InvestmentType"] = EnumNames.ByName<Core.Projects.InvestmentType>(),
        ["LandSupply"] = EnumNames.ByName<Core.Projects.LandSupply>(),
        ["CurrentStage"] = EnumNames.ByName<Core.Catalog.Stage>(),
    };

    private static Dictionary<string, string> Merged(params IReadOnlyDictionary<string, string>[] tables) =>
        tables.SelectMany(t => t).ToDictionary(p => p.Key, p => p.Value);

    // An instant as the archive stores it (ISO 8601 with its offset), to be printed in China time.
    private static readonly System.Text.RegularExpressions.Regex Instant =
        new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private const string Style =
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%;margin:.5em 0}" +
        "td,th{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}h2{margin-top:1.5em}" +
        ".signatures td{height:3em;width:33%}";

    /// <summary>
    /// The page's policy: nothing but its own style sheet (by hash), no script, no framing, no forms. Values are
    /// encoded already; this holds even if one day a value is not.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{StyleHash()}'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static string StyleHash() =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Style)));

    public static string Render(CaseArchive archive)
    {
        using var doc = JsonDocument.Parse(CaseArchiving.Content(archive));
        var root = doc.RootElement;
        var caseNumber = root.TryGetProperty("caseNumber", out var n) ? n.GetString() : "";
        return Page($"帮办代办包办服务电子档案 {caseNumber}",
            $"乳山市工程建设项目帮办代办包办服务电子档案（{caseNumber}）", html =>
            {
                foreach (var property in root.EnumerateObject())
                {
                    html.Append("<h2>").Append(Encode(Label(property.Name))).Append("</h2>");
                    Value(html, property.Value, property.Name);
                }
                var check = CaseArchiving.IsIntact(archive) ? "校验一致" : "校验不一致，档案可能被改动";
                html.Append("<p>").Append(Encode($"档案内容SHA-256：{archive.ContentHash}（{check}）")).Append("</p>");
            });
    }

    /// <summary>
    /// A printable page of the service (the archive, the 办结单): its title and heading encoded, the one style sheet
    /// that <see cref="ContentSecurityPolicy"/> allows, and the body <paramref name="body"/> writes, encoded by it.
    /// </summary>
    internal static string Page(string title, string heading, Action<StringBuilder> body)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(title))
            .Append("</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<h1>").Append(Encode(heading)).Append("</h1>");
        body(html);
        return html.Append("</body></html>").ToString();
    }

    private static void Value(StringBuilder html, JsonElement value, string? key = null)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                html.Append("<table>");
                foreach (var p in value.EnumerateObject())
                {
                    html.Append("<tr><th>").Append(Encode(Label(p.Name))).Append("</th><td>");
                    Value(html, p.Value, p.Name);
                    html.Append("</td></tr>");
                }
                html.Append("</table>");
                break;
            case JsonValueKind.Array
                when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object) && value.GetArrayLength() > 0:
                var columns = value.EnumerateArray().SelectMany(e => e.EnumerateObject().Select(p => p.Name))
                    .Distinct().ToList();
                html.Append("<table><tr>");
                foreach (var c in columns)
                    html.Append("<th>").Append(Encode(Label(c))).Append("</th>");
                html.Append("</tr>");
                foreach (var row in value.EnumerateArray())
                {
                    html.Append("<tr>");
                    foreach (var c in columns)
                    {
                        html.Append("<td>");
                        if (row.TryGetProperty(c, out var cell))
                            Value(html, cell, c);
                        html.Append("</td>");
                    }
                    html.Append("</tr>");
                }
                html.Append("</table>");
                break;
            case JsonValueKind.Array:
                html.Append(Encode(string.Join("、", value.EnumerateArray().Select(Text))));
                break;
            default:
                var text = Text(value);
                if (value.ValueKind == JsonValueKind.String && Instant.IsMatch(text)
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                    text = ChinaTime.Display(at);
                html.Append(Encode(key is not null && ValueNames.TryGetValue(key, out var names)
                                   && names.TryGetValue(text, out var name) ? name : text));
                break;
        }
    }

    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.Null => "",
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        _ => e.GetRawText(),
    };

    private static string Label(string key) => Labels.GetValueOrDefault(key, key);

    // Chinese stays readable; <, >, &, quotes are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    internal static string Encode(string text) => Encoder.Encode(text);
}
