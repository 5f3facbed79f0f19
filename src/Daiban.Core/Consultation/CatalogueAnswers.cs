using System.Text;
using Daiban.Core.Catalog;

namespace Daiban.Core.Consultation;

/// <summary>
/// A named item's time limit and materials, read from the catalogue row and nothing else: where the catalogue has
/// no number the answer says so and sends the asker to the window, it never fills the gap.
/// </summary>
public static class CatalogueAnswers
{
    public static string TimeLimit(ApprovalItem item, string department)
    {
        var text = new StringBuilder($"【{item.Name}】");
        text.Append(item.PromisedDays is { } days ? $"承诺办结时限{days}个工作日" : "目录未公布承诺时限，请以窗口告知为准");
        text.Append(item.StatutoryLimit.Unit switch
        {
            TimeLimitUnit.None => "；法律未规定固定时限",
            TimeLimitUnit.Immediate => "；即办",
            _ => $"；法定时限{item.StatutoryLimit}",
        });
        text.Append($"。由{item.ImplementingBody}办理（主管部门：{department}），时限自受理之日起按工作日计算，不含法定节假日");
        text.Append(item.ExcludedTimeNote is { } note ? $"；{note}。" : "。");
        if (item.ResultValidity is { } validity)
            text.Append($"办理结果：{item.ResultDocument ?? "审批文件"}，{validity}。");
        return text.ToString();
    }

    public static string Materials(ApprovalItem item)
    {
        var text = new StringBuilder($"【{item.Name}】需要的材料：");
        if (item.Materials.Count == 0)
            return text.Append("目录中暂无材料清单，请向综合窗口确认。").ToString();
        var n = 0;
        foreach (var m in item.Materials)
            text.Append($"{++n}. {m.Name}{(m.IsCore ? "（核心材料）" : m.Deferrable ? "（可容缺，受理后补交）" : "")}；");
        text.Length--;
        text.Append("。核心材料须齐全；缺少的材料会一次性告知。");
        return text.ToString();
    }

    /// <summary>What the catalogue says about the item in one passage: stage, body, limits, result, materials, notes.</summary>
    public static string Overview(ApprovalItem item, string department)
    {
        var text = new StringBuilder($"{TimeLimit(item, department)}属于“{item.Stage.Name()}”阶段。");
        if (item.InformedCommitment)
            text.Append("可适用告知承诺制。");
        if (item.Notes is { } notes)
            text.Append(notes);
        return text.Append(Materials(item)[($"【{item.Name}】").Length..]).ToString();
    }
}
