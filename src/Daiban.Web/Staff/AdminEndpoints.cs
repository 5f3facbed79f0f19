using Daiban.Core.Calendar;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Consultation;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Core.Supervision;
using Daiban.WeChat;
using Daiban.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Daiban.Web.Staff;

/// <summary>
/// What admins keep (八 组织协调): the staff and their roles, skills and availability; the holiday table; each
/// item's promised limit; the published typical cases (which feed the consultation bot). Every change is audited.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/staff/admin").WithTags("Admin").RequireAuthorization(StaffPolicies.Admin);
        admin.MapGet("/staff", ListStaffAsync).WithName("ListStaff").WithSummary("工作人员");
        admin.MapPost("/staff", CreateStaffAsync).WithName("CreateStaff").WithSummary("新增工作人员");
        admin.MapPut("/staff/{id:long}", UpdateStaffAsync).WithName("UpdateStaff").WithSummary("修改角色、部门、熟悉领域、外出/休假、停用");
        admin.MapPost("/staff/{id:long}/password", ResetPasswordAsync).WithName("ResetStaffPassword")
            .WithSummary("重设密码（同时解除其微信绑定并结束其全部登录）");
        admin.MapDelete("/staff/{id:long}/bindings/{kind}", RemoveBindingAsync).WithName("RemoveStaffBinding")
            .WithSummary("解除工作人员的服务号（OfficialAccount）或小程序（MiniProgram）绑定");
        admin.MapGet("/calendar/{date}/impact", CalendarImpactAsync).WithName("CalendarDayImpact")
            .WithSummary("调整某日前：期限跨过该日、将重新计算的在办案件数");
        admin.MapPut("/calendar/{date}", SetCalendarDayAsync).WithName("SetCalendarDay").WithSummary("设置放假或调休上班日");
        admin.MapPut("/catalog/{code}", UpdateItemAsync).WithName("UpdateApprovalItem").WithSummary("修改事项承诺时限或停用事项");
        admin.MapPut("/departments/{code}", RenameDepartmentAsync).WithName("RenameDepartment").WithSummary("修改部门名称");
        admin.MapGet("/templates", ListTemplates).WithName("ListTemplates").WithSummary("已配置的消息模板");
        admin.MapGet("/message-channel", MessageChannelAsync).WithName("MessageChannelStatus")
            .WithSummary("微信消息通道：待处理与已放弃的推送、待发送与失败的通知");

        var cases = app.MapGroup("/api/staff/typical-cases").WithTags("Admin");
        cases.MapGet("/", ListTypicalCasesAsync).WithName("ListTypicalCases").WithSummary("典型案例")
            .RequireAuthorization(StaffPolicies.AnyStaff);
        cases.MapPost("/", CreateTypicalCaseAsync).WithName("CreateTypicalCase").WithSummary("撰写典型案例（匿名化）")
            .RequireAuthorization(StaffPolicies.Oversight);
        cases.MapPut("/{id:long}", EditTypicalCaseAsync).WithName("EditTypicalCase").WithSummary("修改典型案例")
            .RequireAuthorization(StaffPolicies.Oversight);
        cases.MapPost("/{id:long}/publish", PublishAsync).WithName("PublishTypicalCase")
            .WithSummary("发布典型案例（咨询机器人可引用）").RequireAuthorization(StaffPolicies.Supervisor);
        cases.MapPost("/{id:long}/unpublish", UnpublishAsync).WithName("UnpublishTypicalCase")
            .WithSummary("撤回典型案例").RequireAuthorization(StaffPolicies.Supervisor);
    }

    internal static async Task<Ok<List<StaffView>>> ListStaffAsync([AsParameters] RequestContext x) =>
        TypedResults.Ok((await x.Db.Staff.AsNoTracking().OrderBy(s => s.Id).ToListAsync(x.Cancellation)).Select(View).ToList());

    internal static async Task<Created<StaffView>> CreateStaffAsync(StaffRequest r, [AsParameters] RequestContext x)
    {
        var userName = Guard.Required(r.UserName, "用户名", 32).ToLowerInvariant();
        if (!userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            throw DomainRuleException.Invalid("staff.user_name", "用户名只能由字母、数字、点、短横线和下划线组成。");
        if (await x.Db.Staff.AnyAsync(s => s.UserName == userName, x.Cancellation))
            throw new DomainRuleException("staff.user_name_taken", "该用户名已被使用，请换一个。");
        var now = x.Now;
        var staff = new StaffMember(userName, Guard.Required(r.DisplayName, "姓名", 32), Roles(r.Roles), now);
        Apply(staff, r);
        staff.SetPassword(Guard.Required(r.Password, "初始密码", 128));
        x.Db.Staff.Add(staff);
        x.Db.Audit.Record(x.User.StaffActor(), "staff.create", nameof(StaffMember), userName, string.Join(",", r.Roles ?? []), now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Created($"/api/staff/admin/staff/{staff.Id}", View(staff));
    }

    internal static async Task<Results<Ok<StaffView>, NotFound>> UpdateStaffAsync(long id, StaffRequest r,
        StaffAccounts accounts, [AsParameters] RequestContext x)
    {
        var staff = await x.Db.Staff.SingleOrDefaultAsync(s => s.Id == id, x.Cancellation);
        if (staff is null)
            return TypedResults.NotFound();
        if (r.Roles is not null)
        {
            var roles = Roles(r.Roles);
            if (staff.Id == x.User.StaffId() && !roles.HasFlag(StaffRoles.Admin))
                throw new DomainRuleException("staff.self_demote", "不能取消自己的管理员角色，以免系统无人管理。");
            await accounts.ChangeRolesAsync(staff, roles, x.Cancellation);
        }
        if (r.DepartmentCode is not null)
            await accounts.ChangeDepartmentAsync(staff, r.DepartmentCode.Length == 0 ? null : r.DepartmentCode, x.Cancellation);
        Apply(staff, r);
        if (r.Active == false)
        {
            if (staff.Id == x.User.StaffId())
                throw new DomainRuleException("staff.self_deactivate", "不能停用自己的账号。");
            await accounts.DeactivateAsync(staff, x.User.StaffActor(), x.Cancellation);
        }
        x.Db.Audit.Record(x.User.StaffActor(), "staff.update", nameof(StaffMember), staff.UserName,
            $"角色={string.Join(",", View(staff).Roles)}；外出至={staff.AwayUntil}；在岗={staff.Active}", x.Now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(View(staff));
    }

    internal static async Task<Results<NoContent, NotFound>> ResetPasswordAsync(long id, PasswordRequest r,
        StaffAccounts accounts, [AsParameters] RequestContext x)
    {
        var staff = await x.Db.Staff.SingleOrDefaultAsync(s => s.Id == id, x.Cancellation);
        if (staff is null)
            return TypedResults.NotFound();
        await accounts.ResetPasswordAsync(staff, Guard.Required(r.Password, "新密码", 128), x.User.StaffActor(), x.Cancellation);
        x.Db.Audit.Record(x.User.StaffActor(), "staff.password", nameof(StaffMember), staff.UserName, null, x.Now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<List<StaffBindingView>>, NotFound>> RemoveBindingAsync(long id, string kind,
        StaffAccounts accounts, [AsParameters] RequestContext x) =>
        await x.Db.Staff.SingleOrDefaultAsync(s => s.Id == id, x.Cancellation) is { } staff
            ? await StaffAuthEndpoints.UnbindAsync(staff, kind, x.User.StaffActor(), accounts, x)
            : TypedResults.NotFound();

    internal static async Task<Ok<CalendarImpact>> CalendarImpactAsync(string date, [AsParameters] RequestContext x)
    {
        var day = CalendarDate(date);
        return TypedResults.Ok(new CalendarImpact($"{day:yyyy-MM-dd}",
            await DueDateReplanning.AffectedCasesAsync(x.Db, day, x.Cancellation)));
    }

    private static DateOnly CalendarDate(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day)
            ? day
            : throw DomainRuleException.Invalid("calendar.date", "请选择日期（格式 yyyy-MM-dd）。");

    internal static async Task<Ok<CalendarDayResult>> SetCalendarDayAsync(string date, CalendarDayRequest r,
        [AsParameters] RequestContext x)
    {
        var day = CalendarDate(date);
        // The whole (small) table tracked: the due dates are counted on it as this one save leaves it.
        var days = await x.Db.CalendarDays.ToListAsync(x.Cancellation);
        var existing = days.SingleOrDefault(d => d.Date == day);
        switch (r.Kind)
        {
            case "Normal":
                if (existing is not null)
                    x.Db.CalendarDays.Remove(existing);
                break;
            case nameof(CalendarDayKind.Holiday) or nameof(CalendarDayKind.MakeUpWorkday):
                var kind = Enum.Parse<CalendarDayKind>(r.Kind);
                var name = Guard.Required(r.Name, "节日名称", 32);
                if (existing is null)
                    x.Db.CalendarDays.Add(new CalendarDay(day, kind, name));
                else
                    existing.Change(kind, name);
                break;
            default:
                throw DomainRuleException.Invalid("calendar.kind", "请选择放假（Holiday）、调休上班（MakeUpWorkday）或恢复正常（Normal）。");
        }
        var now = x.Now;
        x.Db.Audit.Record(x.User.StaffActor(), "calendar.set", nameof(CalendarDay), $"{day:yyyy-MM-dd}", $"{r.Kind} {r.Name}", now);
        // The day and the due dates it moves are one change, saved together.
        var replanned = await DueDateReplanning.ReplanAsync(x.Db, new BusinessCalendar(x.Db.CalendarDays.Local), day, x.User.StaffActor(),
            now, x.Cancellation);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Ok(new CalendarDayResult($"{day:yyyy-MM-dd}", r.Kind ?? "", r.Name, replanned));
    }

    internal static async Task<Results<Ok<ItemSettingsRequest>, NotFound>> UpdateItemAsync(string code,
        ItemSettingsRequest r, KnowledgeBaseProvider knowledge, [AsParameters] RequestContext x)
    {
        var item = await x.Db.ApprovalItems.Include(i => i.Materials).SingleOrDefaultAsync(i => i.Code == code, x.Cancellation);
        if (item is null)
            return TypedResults.NotFound();
        if (r.PromisedDays is { } days)
        {
            if (days is < 0 or > 365)
                throw DomainRuleException.Invalid("catalog.promised_days", "承诺时限应为0到365个工作日。");
            item.PromisedDays = days;
        }
        if (r.Active is { } active)
            item.Active = active;
        if (r.Materials is { } materials)
        {
            if (materials.Length > 50)
                throw DomainRuleException.Invalid("catalog.materials", "一个事项的材料不能超过50项。");
            var list = materials.Select(m => m is null
                ? throw DomainRuleException.Invalid("catalog.material_missing", "材料清单中有空项，请填写或删除。")
                : new ItemMaterial(Guard.Required(m.Name, "材料名称", 128), m.Core, m.Deferrable,
                    Guard.Optional(m.Note, "材料说明", 200))).ToList();
            if (list.Any(m => m.IsCore && m.Deferrable))
                throw DomainRuleException.Invalid("catalog.material_core_deferrable", "核心材料不能容缺，请取消其中一项。");
            item.ReplaceMaterials(list);
        }
        x.Db.Audit.Record(x.User.StaffActor(), "catalog.update", nameof(ApprovalItem), code, $"承诺时限={item.PromisedDays}；启用={item.Active}；材料{item.Materials.Count}项", x.Now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        knowledge.Invalidate();
        return TypedResults.Ok(new ItemSettingsRequest(item.PromisedDays, item.Active));
    }

    internal static async Task<Results<Ok<DepartmentRequest>, NotFound>> RenameDepartmentAsync(string code,
        DepartmentRequest r, KnowledgeBaseProvider knowledge, [AsParameters] RequestContext x)
    {
        var department = await x.Db.Departments.SingleOrDefaultAsync(d => d.Code == code, x.Cancellation);
        if (department is null)
            return TypedResults.NotFound();
        var before = department.Name;
        department.Rename(r.Name ?? "", r.ShortName);
        x.Db.Audit.Record(x.User.StaffActor(), "department.rename", nameof(Department), code, $"{before} → {department.Name}", x.Now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        knowledge.Invalidate();
        return TypedResults.Ok(new DepartmentRequest(department.Name, department.ShortName));
    }

    internal static Ok<List<TemplateView>> ListTemplates(IOptions<WeChatOptions> options) =>
        TypedResults.Ok(options.Value.Templates.Configured().OrderBy(t => t.Key).Select(t => new TemplateView(t.Key, t.Value)).ToList());

    internal static async Task<Ok<List<TypicalCaseView>>> ListTypicalCasesAsync([AsParameters] RequestContext x) =>
        TypedResults.Ok((await x.Db.TypicalCases.AsNoTracking().OrderByDescending(t => t.Id).ToListAsync(x.Cancellation)).Select(View).ToList());

    internal static async Task<Created<TypicalCaseView>> CreateTypicalCaseAsync(TypicalCaseRequest r,
        [AsParameters] RequestContext x)
    {
        var now = x.Now;
        var typical = new TypicalCase(r.SourceCaseId, r.Title ?? "", r.Summary ?? "", r.Highlights, x.User.StaffActor(), now);
        x.Db.TypicalCases.Add(typical);
        x.Db.Audit.Record(x.User.StaffActor(), "typical_case.create", nameof(TypicalCase), typical.Title, null, now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        return TypedResults.Created($"/api/staff/typical-cases/{typical.Id}", View(typical));
    }

    internal static async Task<Results<Ok<TypicalCaseView>, NotFound>> EditTypicalCaseAsync(long id,
        TypicalCaseRequest r, KnowledgeBaseProvider knowledge, [AsParameters] RequestContext x)
    {
        var typical = await x.Db.TypicalCases.SingleOrDefaultAsync(t => t.Id == id, x.Cancellation);
        if (typical is null)
            return TypedResults.NotFound();
        typical.Edit(r.Title ?? typical.Title, r.Summary ?? typical.Summary, r.Highlights ?? typical.Highlights, x.Now);
        x.Db.Audit.Record(x.User.StaffActor(), "typical_case.edit", nameof(TypicalCase), $"{id}", typical.Title, x.Now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        knowledge.Invalidate();
        return TypedResults.Ok(View(typical));
    }

    internal static Task<Results<Ok<TypicalCaseView>, NotFound>> PublishAsync(long id, KnowledgeBaseProvider knowledge,
        [AsParameters] RequestContext x) => ChangePublicationAsync(id, true, knowledge, x);

    internal static Task<Results<Ok<TypicalCaseView>, NotFound>> UnpublishAsync(long id,
        KnowledgeBaseProvider knowledge, [AsParameters] RequestContext x) => ChangePublicationAsync(id, false, knowledge, x);

    internal static async Task<Ok<Daiban.Core.Inbound.MessageChannelStatus>> MessageChannelAsync(
        IOptions<Daiban.Jobs.JobsOptions> jobs, [AsParameters] RequestContext x) =>
        TypedResults.Ok(await Daiban.Core.Inbound.MessageChannelStatus.ReadAsync(x.Db, x.Now,
            jobs.Value.InboundRecordsKeptDays, x.Cancellation));

    private static async Task<Results<Ok<TypicalCaseView>, NotFound>> ChangePublicationAsync(long id, bool publish,
        KnowledgeBaseProvider knowledge, RequestContext x)
    {
        var typical = await x.Db.TypicalCases.SingleOrDefaultAsync(t => t.Id == id, x.Cancellation);
        if (typical is null)
            return TypedResults.NotFound();
        var now = x.Now;
        if (publish ? typical.Publish(now) : typical.Unpublish(now))
            x.Db.Audit.Record(x.User.StaffActor(), publish ? "typical_case.publish" : "typical_case.unpublish", nameof(TypicalCase), $"{id}", typical.Title, now);
        await x.Db.SaveChangesAsync(x.Cancellation);
        knowledge.Invalidate();
        return TypedResults.Ok(View(typical));
    }

    private static void Apply(StaffMember staff, StaffRequest r)
    {
        if (r.DepartmentCode is not null)
            staff.AssignDepartment(r.DepartmentCode.Length == 0 ? null : r.DepartmentCode);
        if (r.SkillStages is not null || r.SkillDepartments is not null)
            staff.SetSkills(r.SkillStages?.Select(StageNames.FromNumber) ?? staff.SkillStages, r.SkillDepartments ?? [.. staff.SkillDepartments]);
        if (r.Phone is not null)
            staff.SetPhone(r.Phone);
        if (r.AwayUntil is not null)
            staff.MarkAway(r.AwayUntil.Length == 0 ? null
                : DateOnly.TryParseExact(r.AwayUntil, "yyyy-MM-dd", out var until) ? until
                : throw DomainRuleException.Invalid("staff.away_until", "外出/休假截止日期格式应为 yyyy-MM-dd。"));
    }

    private static StaffRoles Roles(string[]? names)
    {
        var roles = StaffRoles.None;
        foreach (var name in names ?? [])
            roles |= Enum.TryParse<StaffRoles>(name, out var role) && role != StaffRoles.None
                ? role
                : throw DomainRuleException.Invalid("staff.role", $"角色“{name}”不存在，请从综合窗口、代办员、部门联络员、监督、管理员中选择。");
        return roles == StaffRoles.None ? throw DomainRuleException.Invalid("staff.role_required", "请至少选择一个角色。") : roles;
    }

    private static StaffView View(StaffMember s) => new(s.Id, s.UserName, s.DisplayName,
        Enum.GetValues<StaffRoles>().Where(r => r != StaffRoles.None && s.Has(r)).Select(r => r.ToString()).ToList(), s.DepartmentCode,
        s.SkillStages.Select(x => (int)x).ToList(), s.SkillDepartments, Core.Common.PersonalData.MaskPhone(s.Phone), s.AwayUntil, s.Active,
        s.OfficialAccountOpenId is not null, s.MiniProgramOpenId is not null, StaffAuthEndpoints.Bindings(s));

    private static TypicalCaseView View(TypicalCase t) => new(t.Id, t.Title, t.Summary, t.Highlights, t.IsPublished,
        t.UpdatedAt);
}
