using Daiban.Core.Catalog;
using Daiban.Core.Common;

namespace Daiban.Core.Cases;

/// <summary>
/// One 帮办/代办/包办 request: the aggregate that owns its items, plan, log, materials, delivery and evaluation.
/// Every change goes through a method here; every status change goes through <see cref="MoveTo"/> and the one
/// transition table; every change writes the log and bumps <see cref="Version"/> for optimistic concurrency.
/// </summary>
public sealed partial class Case : IRecordsEvents
{
    private readonly EventLog _events = new();
    private readonly List<CaseItem> _items = [];
    private readonly List<CaseTransition> _transitions = [];
    private readonly List<CaseAssignment> _assignments = [];
    private readonly List<ServicePlan> _plans = [];
    private readonly List<LogEntry> _log = [];
    private readonly List<MaterialRecord> _materials = [];
    private readonly List<Parcel> _parcels = [];

    private Case() { }

    public long Id { get; private set; }
    /// <summary>
    /// The number shown to people, e.g. DB20260302-000123: given by the save that stores the case
    /// (<see cref="CaseNumbers"/>), empty until then.
    /// </summary>
    public string CaseNumber { get; private set; } = "";
    public long EnterpriseId { get; private set; }
    public long ProjectId { get; private set; }
    public long? ApplicantContactId { get; private set; }

    // Set only at submission, for what is stored in the same save (a walk-in's new enterprise and contact, the new
    // project): the database's ids then flow into the keys above. The aggregate is always read by those keys.
    internal Enterprises.Enterprise? NewEnterprise { get; private set; }
    internal Projects.Project? NewProject { get; private set; }
    internal Enterprises.EnterpriseContact? NewApplicant { get; private set; }
    public ServiceMode Mode { get; private set; }
    public ApplicationChannel Channel { get; private set; }
    public CaseStatus Status { get; private set; }
    public List<Stage> ScopeStages { get; private set; } = [];

    /// <summary>The enterprise left the approvals to its agent: none is worked before the agent settles them.</summary>
    public bool ScopeToSettle { get; private set; }
    /// <summary>What the enterprise asked for, in its own words.</summary>
    public string? Request { get; private set; }
    /// <summary>Client-chosen key that makes a retried application create one case.</summary>
    public string? IdempotencyKey { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? RegisteredAt { get; private set; }
    public long? AgentId { get; private set; }
    public string? AgentName { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public DateTimeOffset? ResultsReadyAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosingReason { get; private set; }
    /// <summary>The materials the last one-time notice (一次性告知) asked the enterprise for, by name.</summary>
    public List<string> RequestedMaterials { get; private set; } = [];
    /// <summary>
    /// The soonest due date of an item whose clock runs, or null: kept with the items so the staff lists read it
    /// from the case's row (and its index) instead of a subquery over every case's items.
    /// </summary>
    public DateOnly? NextDueOn { get; private set; }
    /// <summary><see cref="NextDueOn"/>, or the last day when no clock runs: the staff list's urgency order.</summary>
    public DateOnly UrgencyDate { get; private set; } = DateOnly.MaxValue;
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public Delivery? Delivery { get; private set; }
    public Evaluation? Evaluation { get; private set; }

    public IReadOnlyList<CaseItem> Items => _items;
    public IReadOnlyList<CaseTransition> Transitions => _transitions;
    public IReadOnlyList<CaseAssignment> Assignments => _assignments;
    public IReadOnlyList<ServicePlan> Plans => _plans;
    public IReadOnlyList<LogEntry> Log => _log;
    public IReadOnlyList<MaterialRecord> Materials => _materials;
    public IReadOnlyList<Parcel> Parcels => _parcels;

    /// <summary>Paper materials may be mailed either way (二.4(1)) once the window has registered the case, until it closes.</summary>
    public bool AcceptsMail => Status.IsOpen() && Status != CaseStatus.Submitted;

    /// <summary>The enterprise may still withdraw (自愿申请): until the results are out, as the transition table says.</summary>
    public bool CanBeWithdrawn => CaseStatuses.Table.IsAllowed(Status, CaseStatus.Withdrawn);

    public ServicePlan? CurrentPlan => _plans.Where(p => p.Decision != PlanDecision.Superseded).MaxBy(p => p.Version);

    public static Case Submit(long enterpriseId, long projectId, long? applicantContactId, ServiceMode mode,
        ApplicationChannel channel, IReadOnlyCollection<Stage> scopeStages, IReadOnlyList<ApprovalItem> items,
        string? request, string? idempotencyKey, Actor by, DateTimeOffset now, bool scopeLeftToAgent = false)
    {
        CheckApplication(mode, items, request, idempotencyKey, scopeLeftToAgent);
        var @case = new Case
        {
            EnterpriseId = enterpriseId,
            ProjectId = projectId,
            ApplicantContactId = applicantContactId,
            Mode = mode,
            Channel = channel,
            Status = CaseStatus.Submitted,
            ScopeStages = scopeStages.Distinct().Order().ToList(),
            ScopeToSettle = scopeLeftToAgent,
            Request = Guard.Optional(request, "申办事项说明", 1000),
            IdempotencyKey = Guard.Optional(idempotencyKey, "幂等键", 64),
            SubmittedAt = now,
            UpdatedAt = now,
        };
        var order = 0;
        foreach (var item in items.OrderBy(i => i.Stage).ThenBy(i => i.SortOrder))
            @case._items.Add(new CaseItem(item, order++));
        var channelName = channel == ApplicationChannel.Online ? "线上" : "窗口";
        var scope = scopeLeftToAgent
            ? items.Count == 0 ? "办理事项请代办员帮助确定" : $"已选{items.Count}个事项，其余请代办员帮助确定"
            : $"共{items.Count}个事项";
        @case.Write(LogKind.System, $"{channelName}提交{mode.Name()}申请，{scope}。", by, now, visibleToEnterprise: true);
        return @case;
    }

    /// <summary>Whether an application repeated with this case's idempotency key asks for what this case holds.</summary>
    internal bool IsSameApplication(string projectName, string requestedProjectName, ApplicationScope scope)
    {
        var codes = _items.Select(i => i.ItemCode).ToHashSet(StringComparer.Ordinal);
        return scope.Mode == Mode
               && string.Equals(projectName, requestedProjectName?.Trim(), StringComparison.Ordinal)
               && scope.Stages.Distinct().Order().SequenceEqual(ScopeStages)
               && scope.ItemCodes.All(codes.Contains)
               && string.Equals(Request, string.IsNullOrWhiteSpace(scope.Request) ? null : scope.Request.Trim(),
                   StringComparison.Ordinal);
    }

    /// <summary>Links the case to the project, enterprise and applicant that this same save inserts.</summary>
    internal void SubmittedWith(Projects.Project project, Enterprises.EnterpriseContact applicant)
    {
        if (project.Id == 0)
            NewProject = project;
        if (applicant.Id == 0)
            NewApplicant = applicant;
        if (applicant.EnterpriseId == 0)
            NewEnterprise = applicant.Enterprise;
    }

    /// <summary>
    /// Every rule an application must meet, checked before anything of it is stored.
    /// </summary>
    public static void CheckApplication(ServiceMode mode, IReadOnlyList<ApprovalItem> items, string? request,
        string? idempotencyKey, bool scopeLeftToAgent = false)
    {
        if (!Enum.IsDefined(mode))
            throw DomainRuleException.Invalid("case.mode_invalid", "请选择服务方式：帮办、代办或包办。");
        if (items.Count == 0 && !scopeLeftToAgent)
            throw DomainRuleException.Invalid("case.scope_empty", "请至少选择一个需要帮办代办包办的审批事项或阶段。");
        var duplicate = items.GroupBy(i => i.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw DomainRuleException.Invalid("case.scope_duplicate", $"事项“{duplicate.First().Name}”重复选择，请去掉重复项。");
        Guard.Optional(request, "申办事项说明", 1000);
        Guard.Optional(idempotencyKey, "幂等键", 64);
    }

    /// <summary>The window registers the application (集中受理) and hands it to the back office.</summary>
    public bool Register(Actor by, DateTimeOffset now, string? note = null)
    {
        if (!MoveTo(CaseStatus.Registered, by, now, note))
            return false;
        RegisteredAt = now;
        _events.Record(new CaseRegistered(this, now));
        return true;
    }

    /// <summary>
    /// Gives the case to an agent (首接负责制). On a registered case this is the assignment; on a case being
    /// worked it is a re-assignment and needs a reason. Assigning the current agent again changes nothing.
    /// </summary>
    public bool AssignAgent(long agentId, string agentName, string reason, Actor by, DateTimeOffset now)
    {
        if (AgentId == agentId && Status != CaseStatus.Registered)
            return false;
        var why = Guard.Required(reason, "指派理由", 500);
        if (Status == CaseStatus.Registered)
        {
            MoveTo(CaseStatus.Assigned, by, now, why);
        }
        else if (!Status.IsBeingWorked())
        {
            throw new DomainRuleException("case.cannot_assign", $"案件当前状态为“{Status.Name()}”，不能指派代办员。");
        }
        var previous = _assignments.LastOrDefault(a => a.EndedAt is null);
        previous?.End(now);
        _assignments.Add(new CaseAssignment(agentId, agentName, why, by.Name, now));
        AgentId = agentId;
        AgentName = agentName;
        AssignedAt = now;
        var text = previous is null ? $"指派代办员{agentName}：{why}" : $"代办员由{previous.AgentName}改为{agentName}：{why}";
        // The routing's reasons (agents' loads) and the window's override reason are internal.
        var told = previous is null ? $"已为您指派代办员{agentName}" : $"您的代办员已由{previous.AgentName}改为{agentName}";
        Write(LogKind.System, text, by, now, visibleToEnterprise: true, enterpriseContent: told);
        _events.Record(new AgentAssigned(this, agentId, agentName, _assignments.Count, now));
        return true;
    }

    /// <summary>The enterprise no longer wants the service (自愿申请): it withdraws, or staff record that it did.</summary>
    public bool Withdraw(string reason, Actor by, DateTimeOffset now) => Close(CaseStatus.Withdrawn, reason, by, now);

    /// <summary>The window does not accept an application (not a construction project, a duplicate, outside the city).</summary>
    public bool Reject(string reason, Actor by, DateTimeOffset now)
    {
        if (by.Kind != ActorKind.Staff)
            throw new DomainRuleException("case.staff_only", "只有工作人员可以执行此操作。");
        return Close(CaseStatus.Rejected, reason, by, now);
    }

    /// <summary>Ends the service early: the agent's assignment ends and no item's deadline reminds anyone any more.</summary>
    private bool Close(CaseStatus to, string reason, Actor by, DateTimeOffset now)
    {
        var why = Guard.Required(reason, to == CaseStatus.Withdrawn ? "撤回原因" : "不予受理原因", 500);
        if (!MoveTo(to, by, now, why))
            return false;
        ClosedAt = now;
        ClosingReason = why;
        _assignments.LastOrDefault(a => a.EndedAt is null)?.End(now);
        foreach (var item in _items)
            item.StopTracking();
        TrackNextDue();
        _events.Record(new CaseClosed(this, to, by, now));
        return true;
    }

    public IReadOnlyList<IDomainEvent> TakeEvents() => _events.Take();

    /// <summary>Called after every change to an item's running clock.</summary>
    private void TrackNextDue()
    {
        NextDueOn = _items.Where(i => i.RunningDueOn is not null).Min(i => i.RunningDueOn);
        UrgencyDate = NextDueOn ?? DateOnly.MaxValue;
    }

    private bool MoveTo(CaseStatus to, Actor by, DateTimeOffset now, string? reason)
    {
        if (Status == to)
            return false;
        if (Mode == ServiceMode.FullService && Status == CaseStatus.Assigned && to == CaseStatus.InProgress)
            throw new DomainRuleException("case.plan_required", "包办服务须先由代办员提出服务方案并经企业确认，方可开始办理。");
        CaseStatuses.Table.Ensure(Status, to);
        _transitions.Add(new CaseTransition(Status, to, by, now, reason));
        var text = reason is null ? $"状态：{Status.Name()} → {to.Name()}" : $"状态：{Status.Name()} → {to.Name()}（{reason}）";
        Status = to;
        // The assignment line tells the enterprise of its agent; the transition's reason is the routing's.
        var told = CaseStatuses.ForEnterprise(to, reason);
        Write(LogKind.System, text, by, now, visibleToEnterprise: told is not null, enterpriseContent: told);
        return true;
    }

    private void Write(LogKind kind, string content, Actor by, DateTimeOffset now, bool visibleToEnterprise,
        string? problems = null, string? nextStep = null, string? itemCode = null, string? enterpriseContent = null)
    {
        _log.Add(new LogEntry(kind, content, problems, nextStep, itemCode, visibleToEnterprise, by, now,
            enterpriseContent));
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    private void EnsureOpen()
    {
        if (!Status.IsOpen())
            throw new DomainRuleException("case.closed", $"案件当前状态为“{Status.Name()}”，不能再修改。");
    }

    internal void Numbered(string caseNumber) => CaseNumber = caseNumber;
}
