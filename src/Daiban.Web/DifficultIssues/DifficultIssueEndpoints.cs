using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Daiban.Core.Calendar;
using Daiban.Core.Common;
using Daiban.Core.DifficultIssues;
using Daiban.Core.Notifications;
using Daiban.Core.Staff;
using Daiban.Web.Platform;
using Daiban.Web.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Web.DifficultIssues;

public sealed record MeetingRequest([property: Required] string? Title,
    [property: Required] DateTimeOffset? ScheduledAt, string? Location, [property: Required] string[]? DepartmentCodes,
    [property: Required] long[]? CaseIds, [property: Required] string? Agenda);

public sealed record MinutesRequest([property: Required] string? Minutes, string? Decisions);

public sealed record MeetingResponse(long Id, string Title, DateTimeOffset ScheduledAt, string? Location,
    IReadOnlyList<string> DepartmentCodes, IReadOnlyList<long> CaseIds, string Agenda, string Status, string? Minutes,
    string? Decisions)
{
    public static MeetingResponse From(JointReviewMeeting m) => new(m.Id, m.Title, m.ScheduledAt, m.Location,
        m.DepartmentCodes, m.CaseIds, m.Agenda, m.Status.ToString(), m.Minutes, m.Decisions);
}

public sealed record IssueRequest([property: Required] long CaseId, long? MeetingId,
    [property: Required] string? Description, [property: Required] string? ResponsibleDepartment, long? LiaisonId,
    [property: Required] DateOnly? Deadline);

public sealed record IssueUpdateRequest([property: Required] string? Text);

public sealed record IssueResponse(long Id, long CaseId, long? MeetingId, string Description,
    string ResponsibleDepartment, long? LiaisonId, DateOnly Deadline, string Status, string? Progress,
    string? Resolution, bool Overdue, string StatusName)
{
    public static IssueResponse From(DifficultIssue i, DateOnly today) => new(i.Id, i.CaseId, i.MeetingId,
        i.Description, i.ResponsibleDepartment, i.LiaisonId, i.Deadline, i.Status.ToString(), i.Progress,
        i.Resolution, i.IsOverdue(today), DifficultIssue.Table.Describe(i.Status));
}

/// <summary>
/// 联审会议 and the 难点问题工作台账 (六.2, 八): the window convenes and minutes meetings; agents and the window put
/// difficult issues in the ledger with a responsible department, liaison and deadline; a liaison works the issues
/// of its own department.
/// </summary>
public static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/staff").WithTags("Joint review and ledger");
        g.MapGet("/meetings", ListMeetingsAsync).WithName("ListMeetings").WithSummary("联审会议")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPost("/meetings", ConveneAsync).WithName("ConveneMeeting").WithSummary("召集联审会议")
            .RequireAuthorization(StaffPolicies.Window);
        g.MapPost("/meetings/{id:long}/minutes", MinutesAsync).WithName("RecordMinutes")
            .WithSummary("记录会议纪要和议定事项").RequireAuthorization(StaffPolicies.Window);
        g.MapGet("/issues", ListIssuesAsync).WithName("ListIssues").WithSummary("难点问题工作台账（联络员只看本部门）")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPost("/issues", RaiseIssueAsync).WithName("RaiseIssue").WithSummary("登记难点问题，明确责任部门与时限")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPost("/issues/{id:long}/progress", ReportProgressAsync).WithName("ReportIssueProgress")
            .WithSummary("报告办理进展").RequireAuthorization(StaffPolicies.AnyStaff);
        g.MapPost("/issues/{id:long}/resolve", ResolveAsync).WithName("ResolveIssue")
            .WithSummary("办结难点问题").RequireAuthorization(StaffPolicies.AnyStaff);
    }

    internal static async Task<Ok<List<MeetingResponse>>> ListMeetingsAsync([AsParameters] RequestContext x) =>
        TypedResults.Ok((await x.Db.Meetings.AsNoTracking().OrderByDescending(m => m.Id).Take(100)
            .ToListAsync(x.Cancellation)).Select(MeetingResponse.From).ToList());

    internal static async Task<Created<MeetingResponse>> ConveneAsync(MeetingRequest r, [AsParameters] RequestContext x)
    {
        var (db, ct) = (x.Db, x.Cancellation);
        // A JSON list may hold nulls or blanks: they name no department.
        var departments = (r.DepartmentCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim())
            .Distinct().ToList();
        var known = await db.Departments.Where(d => departments.Contains(d.Code)).Select(d => d.Code).ToListAsync(ct);
        if (departments.Except(known).FirstOrDefault() is { } unknown)
            throw DomainRuleException.Invalid("meeting.department_unknown", $"部门编码“{unknown}”不存在。");
        var cases = r.CaseIds ?? [];
        if (await db.Cases.CountAsync(c => cases.Contains(c.Id), ct) != cases.Distinct().Count())
            throw DomainRuleException.Invalid("meeting.case_unknown", "所选案件不存在，请重新选择。");
        var scheduledAt = r.ScheduledAt
                          ?? throw DomainRuleException.Invalid("meeting.time_required", "请填写会议时间。");
        var meeting = new JointReviewMeeting(r.Title ?? "", scheduledAt, r.Location, departments, cases, r.Agenda ?? "",
            x.User.StaffActor(), x.Now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/staff/meetings/{meeting.Id}", MeetingResponse.From(meeting));
    }

    internal static async Task<Results<Ok<MeetingResponse>, NotFound>> MinutesAsync(long id, MinutesRequest r,
        [AsParameters] RequestContext x)
    {
        var meeting = await x.Db.Meetings.SingleOrDefaultAsync(m => m.Id == id, x.Cancellation);
        if (meeting is null)
            return TypedResults.NotFound();
        meeting.RecordMinutes(r.Minutes ?? "", r.Decisions, x.Now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(MeetingResponse.From(meeting));
    }

    internal static async Task<Ok<List<IssueResponse>>> ListIssuesAsync([AsParameters] RequestContext x)
    {
        var today = ChinaTime.Today(x.Clock);
        var issues = await x.Db.DifficultIssues.AsNoTracking().VisibleTo(x.Db, x.User.Powers())
            .OrderBy(i => i.Deadline).Take(200).ToListAsync(x.Cancellation);
        return TypedResults.Ok(issues.Select(i => IssueResponse.From(i, today)).ToList());
    }

    internal static async Task<Results<Created<IssueResponse>, NotFound, ForbidHttpResult>> RaiseIssueAsync(
        IssueRequest r, [AsParameters] RequestContext x)
    {
        var (db, ct) = (x.Db, x.Cancellation);
        var me = x.User.Powers();
        if (!me.RaisesIssues)
            return TypedResults.Forbid();
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == r.CaseId, ct);
        if (@case is null || !me.WorksCaseOrWindow(@case.AgentId))
            return TypedResults.NotFound();
        var department = r.ResponsibleDepartment ?? "";
        if (!await db.Departments.AnyAsync(d => d.Code == department, ct))
            throw DomainRuleException.InvalidField("issue.department_unknown", "责任部门", "请选择正确的责任部门。");
        var liaison = r.LiaisonId is { } lid
            ? await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == lid, ct)
            : null;
        if (r.LiaisonId is not null
            && (liaison is null || !liaison.Has(StaffRoles.DepartmentLiaison) || liaison.DepartmentCode != department))
            throw DomainRuleException.Invalid("issue.liaison_invalid", "所选联络员不属于责任部门。");
        var deadline = r.Deadline
            ?? throw DomainRuleException.InvalidField("issue.deadline_required", "办理时限", "请填写办理时限。");
        if (r.MeetingId is { } meetingId && !await db.Meetings.AnyAsync(m => m.Id == meetingId, ct))
            throw DomainRuleException.Invalid("issue.meeting_unknown", "所选联审会议不存在，请重新选择或不选。");
        var issue = new DifficultIssue(@case.Id, r.MeetingId, r.Description ?? "", department, liaison?.Id, deadline,
            x.User.StaffActor(), x.Now);
        db.DifficultIssues.Add(issue);
        // The liaison's notice is the issue's event: it commits in this one save.
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/staff/issues/{issue.Id}",
            IssueResponse.From(issue, ChinaTime.DateOf(x.Now)));
    }

    internal static Task<Results<Ok<IssueResponse>, NotFound, ProblemHttpResult>> ReportProgressAsync(long id,
        IssueUpdateRequest r, [AsParameters] RequestContext x) =>
        UpdateIssueAsync(id, x, i => i.ReportProgress(r.Text ?? "", x.Now));

    internal static Task<Results<Ok<IssueResponse>, NotFound, ProblemHttpResult>> ResolveAsync(long id,
        IssueUpdateRequest r, [AsParameters] RequestContext x) =>
        UpdateIssueAsync(id, x, i => i.Resolve(r.Text ?? "", x.Now));

    private static async Task<Results<Ok<IssueResponse>, NotFound, ProblemHttpResult>> UpdateIssueAsync(long id,
        RequestContext x, Action<DifficultIssue> change)
    {
        var me = x.User.Powers();
        var issue = await x.Db.DifficultIssues.SingleOrDefaultAsync(i => i.Id == id, x.Cancellation);
        var agentId = issue is null
            ? null
            : await x.Db.Cases.Where(c => c.Id == issue.CaseId).Select(c => c.AgentId)
                .SingleOrDefaultAsync(x.Cancellation);
        if (issue is null || !IssueAccess.MaySee(me, issue, agentId))
            return TypedResults.NotFound();
        if (!IssueAccess.MayWork(me, issue, agentId))
            return TypedResults.Problem(title: "只有责任部门联络员、案件代办员或综合窗口可以更新该难点问题",
                statusCode: StatusCodes.Status403Forbidden);
        change(issue);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(IssueResponse.From(issue, ChinaTime.Today(x.Clock)));
    }
}
