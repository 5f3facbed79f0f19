using System.ComponentModel.DataAnnotations;
using Daiban.Core.Calendar;
using Daiban.Core.Catalog;

namespace Daiban.Web.Staff;

/// <summary>Null fields stay as they are; AwayUntil "" clears an absence, "yyyy-MM-dd" sets one.</summary>
public sealed record StaffRequest(string? UserName, string? DisplayName, string[]? Roles, string? DepartmentCode, int[]? SkillStages, string[]? SkillDepartments,
    string? Phone, string? Password, string? AwayUntil, bool? Active);

public sealed record StaffView(long Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? DepartmentCode, IReadOnlyList<int> SkillStages,
    IReadOnlyList<string> SkillDepartments, string? Phone, DateOnly? AwayUntil, bool Active, bool OfficialAccountBound, bool MiniProgramBound,
    IReadOnlyList<StaffBindingView> Bindings);

public sealed record PasswordRequest([property: Required] string? Password);

/// <summary>A day's kind on the business calendar: Holiday (放假), MakeUpWorkday (调休上班) or Normal (as the weekday says).</summary>
public sealed record CalendarDayRequest([property: Required] string? Kind, string? Name);

/// <summary>The day as saved, and how many open cases had a due date moved by it.</summary>
/// <summary>Before a day of the holiday table changes: how many running cases it would replan.</summary>
public sealed record CalendarImpact(string Date, int RunningCases);

public sealed record CalendarDayResult(string Date, string Kind, string? Name, int CasesReplanned);

public sealed record ItemMaterialRequest([property: Required] string? Name, bool Core, bool Deferrable, string? Note);

/// <summary>Null fields stay as they are; Materials replaces the item's whole list.</summary>
public sealed record ItemSettingsRequest(int? PromisedDays, bool? Active, ItemMaterialRequest[]? Materials = null);

public sealed record DepartmentRequest([property: Required] string? Name, string? ShortName);

public sealed record TypicalCaseRequest(long? SourceCaseId, string? Title, string? Summary, string? Highlights);

public sealed record TypicalCaseView(long Id, string Title, string Summary, string? Highlights, bool Published, DateTimeOffset UpdatedAt);

public sealed record TemplateView(string Key, string TemplateId);
