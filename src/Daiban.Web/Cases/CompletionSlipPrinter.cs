using System.Text;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;

namespace Daiban.Web.Cases;

/// <summary>
/// The 帮办代办包办服务办结单 (统一送达): the case, each item's result with its 批准文号 and date, the 批文、证件及
/// 有关资料 handed over, and the lines the client (委托人) and the agent sign. Printed as the archive is
/// (<see cref="ArchivePrinter.Page"/>): Chinese labels, China time, every value encoded.
/// </summary>
public static class CompletionSlipPrinter
{
    public const string Title = "帮办代办包办服务办结单";

    public static string Render(Case c, string enterprise, string project,
        IReadOnlyDictionary<string, string> departments, DateTimeOffset printedAt) =>
        ArchivePrinter.Page($"{Title} {c.CaseNumber}", Title, html =>
        {
            var delivery = c.Delivery;
            html.Append("<table>");
            Row(html, "案件编号", c.CaseNumber);
            Row(html, "建设单位", enterprise);
            Row(html, "项目名称", project);
            Row(html, "服务方式", c.Mode.Name());
            Row(html, "代办员", c.AgentName ?? "");
            if (delivery is not null)
                Row(html, "送达方式", delivery.Method.Name());
            html.Append("</table><h2>办理事项</h2><table><tr>");
            foreach (var heading in (string[])["序号", "事项", "审批部门", "办理结果", "批准文号", "办结日期"])
                html.Append("<th>").Append(ArchivePrinter.Encode(heading)).Append("</th>");
            html.Append("</tr>");
            var n = 0;
            foreach (var i in c.Items.OrderBy(i => i.SortOrder))
                Cells(html, (++n).ToString(System.Globalization.CultureInfo.InvariantCulture), i.ItemName,
                    departments.GetValueOrDefault(i.DepartmentCode, i.DepartmentCode), i.Status.Name(),
                    i.ResultDocumentNo ?? "—",
                    i.DecidedAt is { } at ? ChinaTime.Display(ChinaTime.DateOf(at)) : "—");
            html.Append("</table><h2>送达的批文、证件及有关资料</h2><p>")
                .Append(ArchivePrinter.Encode(delivery is null ? "（送达时填写）" : delivery.Documents)).Append("</p>");
            if (delivery?.ReceiptConfirmedAt is { } signedAt)
                html.Append("<p>").Append(ArchivePrinter.Encode(
                    $"签收人：{delivery.SignedByName}　签收时间：{ChinaTime.Display(signedAt)}")).Append("</p>");
            html.Append("<table class=\"signatures\">");
            Cells(html, "委托人签字：", "代办员签字：",
                delivery?.ReceiptConfirmedAt is { } on ? $"日期：{ChinaTime.Display(ChinaTime.DateOf(on))}"
                    : "日期：　　　　年　　月　　日");
            html.Append("</table><p>").Append(ArchivePrinter.Encode($"打印时间：{ChinaTime.Display(printedAt)}"))
                .Append("</p>");
        });

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(ArchivePrinter.Encode(label)).Append("</th><td>")
            .Append(ArchivePrinter.Encode(value)).Append("</td></tr>");

    private static void Cells(StringBuilder html, params string[] values)
    {
        html.Append("<tr>");
        foreach (var v in values)
            html.Append("<td>").Append(ArchivePrinter.Encode(v)).Append("</td>");
        html.Append("</tr>");
    }
}
