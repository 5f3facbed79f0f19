using System.ComponentModel.DataAnnotations;
using Daiban.Core.Assignment;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;

namespace Daiban.Web.Cases;

/// <summary>
/// The 项目信息采集表 as it stands: the project's facts, and who completed it with the enterprise and when.
/// </summary>
public sealed record CollectionFormResponse(ProjectRequest Project, string? CollectedBy, DateTimeOffset? CollectedAt)
{
    public static CollectionFormResponse From(Project p) => new(
        new ProjectRequest(p.Name, p.ProjectCode, p.Location, p.InvestmentType, p.Kind,
            p.TotalInvestmentWanYuan, p.LandAreaSquareMeters, p.FloorAreaSquareMeters, p.BuildingHeightMeters,
            p.ConstructionContent, p.PlannedStart, p.CurrentStage is { } s ? (int)s : null, p.LandSupply,
            p.ApprovalsObtained, p.ContactName, p.ContactPhone, p.Notes),
        p.CollectedBy, p.CollectedAt);
}

public sealed record ProjectRequest(
    [property: Required] string? Name, string? ProjectCode, [property: Required] string? Location,
    InvestmentType? InvestmentType, ProjectKind? Kind,
    decimal? TotalInvestmentWanYuan, decimal? LandAreaSquareMeters, decimal? FloorAreaSquareMeters,
    decimal? BuildingHeightMeters, string? ConstructionContent, DateOnly? PlannedStart, int? CurrentStage,
    LandSupply? LandSupply, string? ApprovalsObtained, string? ContactName, string? ContactPhone, string? Notes)
{
    public ProjectFacts ToFacts() => new(Name ?? "", ProjectCode, Location ?? "",
        InvestmentType ?? Core.Projects.InvestmentType.Social, Kind ?? ProjectKind.Civil,
        TotalInvestmentWanYuan, LandAreaSquareMeters, FloorAreaSquareMeters, BuildingHeightMeters,
        ConstructionContent, PlannedStart, CurrentStage is { } s ? StageNames.FromNumber(s) : null,
        LandSupply ?? Core.Projects.LandSupply.Unknown, ApprovalsObtained, ContactName, ContactPhone, Notes);
}

/// <summary>
/// A walk-in application as the window types it: the enterprise, its contact, the 项目信息采集表 and the scope. The
/// enterprise's name is needed only for an enterprise not yet known by its credit code.
/// </summary>
public sealed record WalkInRequest(
    string? EnterpriseName, [property: Required] string? CreditCode, [property: Required] string? ContactName,
    string? ContactPhone, [property: Required] ProjectRequest? Project, [property: Required] ServiceMode? Mode,
    int[]? Stages, string[]? Items, string? Request, bool ScopeLeftToAgent = false);

public sealed record AssignRequest(long? AgentId, string? Reason);

/// <summary>
/// An item of a case: <c>DepartmentName</c> is the department's name from the catalogue (系统管理), or its code when
/// the department is not known; <c>ImplementingBody</c> is the 实施机关 named in the catalogue.
/// </summary>
public sealed record CaseItemResponse(string Code, string Name, int Stage, string DepartmentCode,
    string DepartmentName, string ImplementingBody, string Status, string StatusName, int? PromisedDays,
    DateOnly? AcceptedOn, DateOnly? DueOn, string? ResultDocumentNo);

public sealed record AssignmentResponse(long AgentId, string AgentName, string Reason, string AssignedBy,
    DateTimeOffset AssignedAt, DateTimeOffset? EndedAt);

/// <summary>
/// Whose case it is and where it stands, for the header of every page that shows a case: the parties, the
/// enterprise's own request, the next due date with the working days left (negative: overdue) and what the case
/// waits for, worded for the reader. The phone is masked unless the reader works the case
/// (<see cref="Core.Staff.StaffPowers.SeesContactPhone"/>).
/// </summary>
public sealed record CaseHeaderResponse(string EnterpriseName, string ProjectName, string? ContactName,
    string? ContactPhone, bool ContactPhoneMasked, string? Request, DateOnly? NextDueOn, int? WorkingDaysLeft,
    string NextStep, DateOnly? EvaluationOpenUntil);

/// <summary>The steps the case's state allows the reader (<see cref="CaseWorkflow"/>): on the case, and per item code.</summary>
public sealed record CaseStepsResponse(IReadOnlyList<CaseStep> Case,
    IReadOnlyDictionary<string, IReadOnlyList<ItemStep>> Items);

/// <summary>
/// A case as staff read it. <see cref="Header"/> and <see cref="Allowed"/> come with the case's own address (GET);
/// an action's answer leaves them null, and the page reads the case again. <see cref="ScopeToSettle"/>: the
/// enterprise left its approvals to the agent (不清楚) and they are not settled yet.
/// </summary>
public sealed record CaseResponse(
    long Id, string CaseNumber, ServiceMode Mode, string ModeName, CaseStatus Status, string StatusName,
    ApplicationChannel Channel, long EnterpriseId, long ProjectId, long? AgentId, string? AgentName,
    DateTimeOffset SubmittedAt, DateTimeOffset? RegisteredAt,
    int Version, IReadOnlyList<CaseItemResponse> Items, IReadOnlyList<AssignmentResponse> Assignments,
    StaffPlanView? Plan, CaseHeaderResponse? Header, CaseStepsResponse? Allowed, bool ScopeToSettle)
{
    /// <summary>The case with its items' department names read from the catalogue.</summary>
    public static async Task<CaseResponse> ReadAsync(DaibanDbContext db, Case c, CancellationToken ct) =>
        From(c, await db.DepartmentNamesAsync(c.Items.Select(i => i.DepartmentCode), ct));

    /// <param name="departments">Department names by code; a code missing from it is shown as it is.</param>
    public static CaseResponse From(Case c, IReadOnlyDictionary<string, string> departments) => new(c.Id,
        c.CaseNumber, c.Mode, c.Mode.Name(), c.Status,
        c.Status.Name(), c.Channel, c.EnterpriseId, c.ProjectId, c.AgentId, c.AgentName, c.SubmittedAt,
        c.RegisteredAt, c.Version,
        c.Items.OrderBy(i => i.SortOrder).Select(i => new CaseItemResponse(i.ItemCode, i.ItemName, (int)i.Stage,
            i.DepartmentCode, departments.GetValueOrDefault(i.DepartmentCode, i.DepartmentCode), i.ImplementingBody,
            i.Status.ToString(), i.Status.Name(), i.PromisedDays, i.AcceptedOn, i.DueOn,
            i.ResultDocumentNo)).ToList(),
        c.Assignments.OrderBy(a => a.AssignedAt).Select(a => new AssignmentResponse(a.AgentId, a.AgentName,
            a.Reason, a.AssignedBy, a.AssignedAt, a.EndedAt)).ToList(),
        c.CurrentPlan is { } p
            ? new StaffPlanView(p.Version, p.Summary, p.Steps, p.Decision, p.Decision.Name(), p.ProposedAt,
                p.DecidedByName, p.DecidedAt, p.DecisionComment)
            : null, null, null, c.ScopeToSettle);
}

/// <summary>The approvals the agent settled with an enterprise that left them open: whole stages and single items.</summary>
public sealed record SettleScopeRequest(int[]? Stages, string[]? Items);

/// <summary>The plan the enterprise was last asked to agree: its version, steps and the enterprise's answer.</summary>
public sealed record StaffPlanView(int Version, string Summary, IReadOnlyList<PlanStep> Steps, PlanDecision Decision,
    string DecisionName, DateTimeOffset ProposedAt, string? DecidedByName, DateTimeOffset? DecidedAt,
    string? DecisionComment);

/// <summary>
/// A row of the staff case list; <c>WorkingDaysLeft</c>, to the next due date on the business calendar (negative:
/// overdue), as the case header says it; <c>Waiting</c>, for a case in the window's queue, how long it has waited.
/// </summary>
public sealed record CaseListItem(long Id, string CaseNumber, string ModeName, CaseStatus Status, string StatusName,
    string? AgentName, DateTimeOffset SubmittedAt, DateOnly? NextDueOn, int? WorkingDaysLeft, string EnterpriseName,
    string ProjectName, string? ContactName, long? AgentId, WindowWait? Waiting)
{
    public static CaseListItem From(CaseListRow r, int? workingDaysLeft, WindowWait? waiting) => new(r.Id,
        r.CaseNumber, r.Mode.Name(), r.Status, r.Status.Name(), r.AgentName, r.SubmittedAt, r.NextDueOn,
        workingDaysLeft, r.EnterpriseName, r.ProjectName, r.ContactName, r.AgentId, waiting);
}

/// <summary>The case list's query string (<see cref="CaseQuery"/>); the page is a <see cref="PageRequest"/>.</summary>
/// <param name="Q">Part of the case number, the enterprise's, project's or contact's name, or a whole phone number.</param>
/// <param name="Overdue">true: only cases with an item past its due date.</param>
/// <param name="Sort">Urgency (default: nearest due date, then longest waiting) or Newest.</param>
public sealed record CaseListRequest(CaseStatus? Status, string? Q, long? AgentId, bool? Overdue, CaseSort? Sort);

public sealed record RoutingResponse(
    long AgentId, string AgentName, string Explanation, IReadOnlyList<RankedAgent> Ranking)
{
    public static RoutingResponse From(RoutingDecision d) => new(d.AgentId, d.AgentName, d.Explanation, d.Ranking);
}

/// <summary>Why a case ends early: withdrawn by the enterprise, or not accepted by the window.</summary>
public sealed record ClosingRequest([property: Required] string? Reason);
