using Daiban.Core.Common;
using Daiban.Core.Projects;

namespace Daiban.Core.Cases;

public sealed partial class Case
{
    /// <summary>A line of the 代办/包办日志 written by the agent; milestones mark stage key points.</summary>
    public LogEntry AddWorkLog(string content, string? problems, string? nextStep, string? itemCode, bool milestone,
        bool visibleToEnterprise, Actor by, DateTimeOffset now)
    {
        EnsureOpen();
        if (itemCode is not null && _items.All(i => i.ItemCode != itemCode))
            throw DomainRuleException.Invalid("log.unknown_item", $"事项{itemCode}不在本案件的办理范围内。");
        Write(milestone ? LogKind.Milestone : LogKind.Work, Guard.Required(content, "工作内容", 2000), by, now,
            visibleToEnterprise, Guard.Optional(problems, "存在问题", 1000), Guard.Optional(nextStep, "下一步工作", 1000), itemCode);
        return _log[^1];
    }

    /// <summary>
    /// 督办: the window or supervision presses the case's agent (an overdue item, a slow reply). The case's log keeps
    /// it for staff only; the agent is told at once.
    /// </summary>
    public LogEntry Supervise(string message, Actor by, DateTimeOffset now)
    {
        EnsureOpen();
        if (by.Kind != ActorKind.Staff)
            throw new DomainRuleException("case.staff_only", "只有工作人员可以执行此操作。");
        if (AgentId is null)
            throw new DomainRuleException("case.no_agent", "案件尚未指派代办员，暂不需要督办。");
        var text = Guard.Required(message, "督办内容", 500);
        Write(LogKind.Work, $"督办（{by.Name}）：{text}", by, now, visibleToEnterprise: false);
        _events.Record(new CaseSupervised(this, text, by, now));
        return _log[^1];
    }

    /// <summary>
    /// The 项目信息采集表 was filled in (or corrected) with the enterprise (五.2); the project itself keeps the facts,
    /// the case's log says who did it and when.
    /// </summary>
    public void NoteCollectionForm(Project project, Actor by, DateTimeOffset now)
    {
        EnsureOpen();
        if (project.Id != ProjectId)
            throw new InvalidOperationException($"Project {project.Id} is not the project of case {Id}.");
        Write(LogKind.Work, $"项目信息采集表已由{by.Name}与企业核实填写（{project.Name}）", by, now, visibleToEnterprise: true);
    }

    /// <summary>
    /// Tells the enterprise, at once and in one list, every material still missing (一次性告知), and waits for it.
    /// </summary>
    public bool RequestMaterials(IReadOnlyList<string> missing, Actor agent, DateTimeOffset now)
    {
        EnsureAgent(agent);
        // One line per name: a line break inside one would split it in the stored list.
        var names = missing.Select(m => m?.ReplaceLineEndings(" ").Trim()).Where(m => !string.IsNullOrEmpty(m))
            .Distinct().ToList();
        if (names.Count == 0)
            throw DomainRuleException.Invalid("materials.none_missing", "请列出需要企业补充的全部材料。");
        var list = string.Join("；", names.Select((n, i) => $"{i + 1}. {Guard.Required(n, "材料名称", 100)}"));
        var line = $"一次性告知需补充的材料：{list}";
        // The log line (and its column) holds 2,000 characters: refuse rather than write past it.
        if (line.Length > LogEntry.MaxContentLength)
            throw DomainRuleException.Invalid("materials.list_too_long",
                $"需补充的材料清单不能超过{LogEntry.MaxContentLength}个字，请合并或精简材料名称。");
        if (!MoveTo(CaseStatus.AwaitingMaterials, agent, now, "需企业补充材料"))
            return false;
        Write(LogKind.Work, line, agent, now, visibleToEnterprise: true);
        RequestedMaterials = names.Select(n => n!).ToList();
        _events.Record(new MaterialsRequested(this, names.Select(n => n!).ToList(), _transitions.Count, now));
        return true;
    }

    /// <summary>The enterprise (or the agent on its behalf) has supplied what was asked; work resumes.</summary>
    public bool ResumeAfterMaterials(Actor by, DateTimeOffset now) => MoveTo(CaseStatus.InProgress, by, now, "材料已补齐");

    public MaterialRecord ReceiveMaterial(string name, string? itemCode, int copies, bool isOriginal, string? fileReference,
        Actor by, DateTimeOffset now)
    {
        EnsureOpen();
        if (Status is CaseStatus.Submitted)
            throw new DomainRuleException("materials.not_registered", "申请尚未登记，暂不能接收材料。");
        // Once the results are out nothing more is needed from the enterprise; staff still register what arrives.
        if (by.Kind == ActorKind.EnterpriseContact && Status is CaseStatus.ResultsReady or CaseStatus.Delivered
                or CaseStatus.Evaluated)
            throw new DomainRuleException("materials.results_out", "办理结果已出，无需再提交材料；如需补交，请联系代办员。");
        if (copies is < 1 or > 100)
            throw DomainRuleException.Invalid("materials.copies", "材料份数应在1到100之间。");
        if (itemCode is not null && _items.All(i => i.ItemCode != itemCode))
            throw DomainRuleException.Invalid("materials.unknown_item", $"事项{itemCode}不在本案件的办理范围内。");
        var record = new MaterialRecord(Guard.Required(name, "材料名称", 128), itemCode, copies, isOriginal,
            Guard.Optional(fileReference, "文件", 256), by.Name, now);
        _materials.Add(record);
        Write(LogKind.Work, $"接收材料：{record.Name}（{copies}份{(isOriginal ? "，原件" : "")}）", by, now, visibleToEnterprise: true, itemCode: itemCode);
        _events.Record(new MaterialReceived(this, record, by, now));
        return record;
    }

    /// <summary>形式审查 of a received material.</summary>
    public bool ReviewMaterial(long materialId, MaterialReview result, string? note, Actor agent, DateTimeOffset now)
    {
        EnsureOpen();
        if (result == MaterialReview.Pending)
            throw DomainRuleException.Invalid("materials.review_result", "请给出形式审查结果：通过或需补正。");
        var record = Material(materialId);
        var reviewNote = Guard.Optional(note, "审查意见", 500);
        if (result == MaterialReview.NeedsCorrection && reviewNote is null)
            throw DomainRuleException.Invalid("materials.review_note", "形式审查不通过时请写明需要补正的内容。");
        if (!record.RecordReview(result, reviewNote, now))
            return false;
        var verdict = result == MaterialReview.Passed ? "通过" : $"需补正：{reviewNote}";
        Write(LogKind.Work, $"形式审查“{record.Name}”：{verdict}", agent, now, visibleToEnterprise: true, itemCode: record.ItemCode);
        return true;
    }

    public bool ForwardMaterial(long materialId, string departmentCode, Actor agent, DateTimeOffset now)
    {
        EnsureOpen();
        var record = Material(materialId);
        if (record.Review != MaterialReview.Passed)
            throw new DomainRuleException("materials.not_reviewed", $"材料“{record.Name}”尚未通过形式审查，不能转交部门。");
        if (!record.Forward(Guard.Required(departmentCode, "部门", 32), now))
            return false;
        Write(LogKind.Work, $"材料“{record.Name}”已转交{departmentCode}", agent, now, visibleToEnterprise: false, itemCode: record.ItemCode);
        return true;
    }

    public bool ReturnOriginal(long materialId, Actor agent, DateTimeOffset now)
    {
        var record = Material(materialId);
        if (!record.IsOriginal)
            throw DomainRuleException.Invalid("materials.not_original", $"材料“{record.Name}”不是原件，无需退还。");
        if (!record.ReturnOriginal(now))
            return false;
        Write(LogKind.Work, $"原件“{record.Name}”已退还企业", agent, now, visibleToEnterprise: true, itemCode: record.ItemCode);
        return true;
    }

    private MaterialRecord Material(long id) =>
        _materials.FirstOrDefault(m => m.Id == id)
        ?? throw DomainRuleException.Invalid("materials.not_found", "本案件中没有这份材料。");
}
