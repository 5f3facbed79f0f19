using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.DifficultIssues;
using Daiban.Core.Projects;
using Daiban.Core.Staff;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Daiban.Web.Cases;

/// <summary>
/// The policy's three attachments as Excel workbooks: 附件1 项目信息采集表, 附件2 重点项目帮办代办包办日志 and
/// 附件3 帮办代办包办难点问题工作台账. Column headings are the attachments' own.
/// </summary>
public static class ExportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff").WithTags("Exports");
        g.MapGet("/cases/{id:long}/exports/collection-form", CollectionFormAsync).WithName("ExportCollectionForm")
            .WithSummary("附件1 项目信息采集表（xlsx）").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/cases/{id:long}/exports/log", LogAsync).WithName("ExportCaseLog")
            .WithSummary("附件2 重点项目帮办代办包办日志（xlsx）").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapGet("/exports/monthly", MonthlyAsync).WithName("ExportMonthlyStatistics")
            .WithSummary("月度统计：各代办员受理、办结、按时率、满意度（xlsx）").RequireAuthorization(StaffPolicies.Oversight);
        g.MapGet("/exports/issues", IssuesAsync).WithName("ExportIssues")
            .WithSummary("附件3 帮办代办包办难点问题工作台账（xlsx）").RequireAuthorization(StaffPolicies.Window);
    }

    internal static async Task<IResult> CollectionFormAsync(long id, [AsParameters] RequestContext x)
    {
        var c = await VisibleCaseAsync(id, x);
        if (c is null)
            return TypedResults.NotFound();
        var project = await x.Db.Projects.AsNoTracking().SingleAsync(p => p.Id == c.ProjectId, x.Cancellation);
        var enterprise = await x.Db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == c.EnterpriseId, x.Cancellation);
        var rows = new (string Field, string? Value)[]
        {
            ("建设单位", enterprise.Name), ("统一社会信用代码", enterprise.CreditCode.Value), ("项目名称", project.Name),
            ("项目代码", project.ProjectCode), ("建设地点", project.Location),
            ("投资类型", project.InvestmentType == InvestmentType.Government ? "政府投资" : "社会投资"),
            ("项目类别", project.Kind switch
            {
                ProjectKind.Industrial => "工业", ProjectKind.Civil => "民用", ProjectKind.SimpleLowRisk => "简易低风险",
                _ => "线性工程",
            }),
            ("总投资（万元）", project.TotalInvestmentWanYuan?.ToString()),
            ("用地面积（平方米）", project.LandAreaSquareMeters?.ToString()),
            ("建筑面积（平方米）", project.FloorAreaSquareMeters?.ToString()),
            ("建筑高度（米）", project.BuildingHeightMeters?.ToString()),
            ("建设内容", project.ConstructionContent), ("计划开工时间", project.PlannedStart?.ToString("yyyy-MM-dd")),
            ("目前所处阶段", project.CurrentStage?.Name()),
            ("已办理手续", project.ApprovalsObtained), ("项目联系人", project.ContactName), ("联系电话", project.ContactPhone),
            ("服务方式", c.Mode.Name()),
            ("申办事项", string.Join("、", c.Items.OrderBy(i => i.SortOrder).Select(i => i.ItemName))),
            ("代办员", c.AgentName), ("采集人", project.CollectedBy),
            ("采集时间", project.CollectedAt is { } at ? Local(at) : null),
        };
        return Workbook($"附件1-项目信息采集表-{c.CaseNumber}.xlsx",
            rows.Select(r => new Dictionary<string, object?> { ["项目"] = r.Field, ["内容"] = r.Value ?? "" }));
    }

    internal static async Task<IResult> LogAsync(long id, [AsParameters] RequestContext x)
    {
        var c = await VisibleCaseAsync(id, x);
        if (c is null)
            return TypedResults.NotFound();
        var project = await x.Db.Projects.AsNoTracking().SingleAsync(p => p.Id == c.ProjectId, x.Cancellation);
        var names = c.Items.ToDictionary(i => i.ItemCode, i => i.ItemName);
        var rows = c.Log.OrderBy(l => l.At).ThenBy(l => l.Id).Select(l => new Dictionary<string, object?>
        {
            ["日期"] = Local(l.At),
            ["项目名称"] = project.Name,
            ["办理事项"] = l.ItemCode is { } code && names.TryGetValue(code, out var n) ? n : "",
            ["办理进度及工作内容"] = l.Content,
            ["关键节点"] = l.Kind == LogKind.Milestone ? "是" : "",
            ["存在问题"] = l.Problems ?? "",
            ["下一步工作"] = l.NextStep ?? "",
            ["记录人"] = l.ActorName,
        });
        return Workbook($"附件2-帮办代办包办日志-{c.CaseNumber}.xlsx", rows);
    }

    internal static async Task<IResult> MonthlyAsync(string? month, [AsParameters] RequestContext x)
    {
        var today = ChinaTime.Today(x.Clock);
        var first = today.AddDays(1 - today.Day);
        if (month is not null && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out first))
            throw Core.Common.DomainRuleException.Invalid("export.month", "月份格式应为 yyyy-MM，例如 2026-11。");
        var rows = await Core.Supervision.SupervisionStatistics.MonthAsync(x.Db, first.Year, first.Month,
            x.Cancellation);
        return Workbook($"月度统计-{first.Year}-{first.Month:D2}.xlsx", rows.Select(r => new Dictionary<string, object?>
        {
            ["代办员"] = r.Agent, ["本月指派案件"] = r.CasesAssigned, ["本月送达案件"] = r.CasesDelivered,
            ["本月办结事项"] = r.ItemsDecided, ["按时办结事项"] = r.ItemsOnTime,
            ["按时率"] = r.OnTimeRate is { } rate ? $"{rate:P1}" : "", ["评价数"] = r.Evaluations,
            ["平均满意度（5分制）"] = r.AverageScore?.ToString() ?? "", ["差评数"] = r.BadReviews,
        }));
    }

    internal static async Task<IResult> IssuesAsync([AsParameters] RequestContext x)
    {
        var (db, ct) = (x.Db, x.Cancellation);
        var today = ChinaTime.Today(x.Clock);
        var issues = await db.DifficultIssues.AsNoTracking().OrderBy(i => i.Deadline).ToListAsync(ct);
        var caseIds = issues.Select(i => i.CaseId).Distinct().ToList();
        var projects = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Join(db.Projects, c => c.ProjectId, p => p.Id, (c, p) => new { c.Id, p.Name })
            .ToDictionaryAsync(k => k.Id, k => k.Name, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var liaisons = await db.Staff.AsNoTracking().Where(s => s.DepartmentCode != null)
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var rows = issues.Select((i, n) => new Dictionary<string, object?>
        {
            ["序号"] = n + 1,
            ["项目名称"] = projects.GetValueOrDefault(i.CaseId, ""),
            ["难点问题"] = i.Description,
            ["责任部门"] = departments.GetValueOrDefault(i.ResponsibleDepartment, i.ResponsibleDepartment),
            ["联络员"] = i.LiaisonId is { } l ? liaisons.GetValueOrDefault(l, "") : "",
            ["办结时限"] = i.Deadline.ToString("yyyy-MM-dd"),
            ["办理进展"] = i.Progress ?? "",
            ["解决情况"] = i.Resolution ?? "",
            ["状态"] = i.Status switch { IssueStatus.Resolved => "已解决", IssueStatus.InProgress => "办理中", _ => "待办理" }
                     + (i.IsOverdue(today) ? "（已超期）" : ""),
        });
        return Workbook($"附件3-难点问题工作台账-{today:yyyyMMdd}.xlsx", rows);
    }

    private static IResult Workbook(string fileName, IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows.ToList());
        return TypedResults.File(stream.ToArray(), Xlsx, fileName);
    }

    private static async Task<Case?> VisibleCaseAsync(long id, RequestContext x)
    {
        var c = await x.Db.Cases.AsNoTracking().FindAggregateAsync(id, x.Cancellation);
        return c is not null && x.User.MaySeeCase(c.AgentId) ? c : null;
    }

    private static string Local(DateTimeOffset at) =>
        $"{TimeZoneInfo.ConvertTime(at, ChinaTime.Zone):yyyy-MM-dd HH:mm}";
}
