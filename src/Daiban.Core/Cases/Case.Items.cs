using Daiban.Core.Calendar;
using Daiban.Core.Common;

namespace Daiban.Core.Cases;

public sealed partial class Case
{
    public bool PrepareItem(string itemCode, Actor agent, DateTimeOffset now)
    {
        var item = WorkingItem(itemCode, agent);
        if (!item.StartPreparing())
            return false;
        Write(LogKind.Work, $"开始准备“{item.ItemName}”申报材料", agent, now, visibleToEnterprise: true, itemCode: item.ItemCode);
        return true;
    }

    /// <summary>The department accepted the item (or its supplement); the promised limit runs from the next working day.</summary>
    public bool SubmitItem(string itemCode, DateOnly acceptedOn, string? departmentReference, BusinessCalendar calendar, Actor agent, DateTimeOffset now)
    {
        var item = WorkingItem(itemCode, agent);
        var resubmission = item.Status == CaseItemStatus.AwaitingSupplement;
        if (!item.SubmitToDepartment(acceptedOn, Guard.Optional(departmentReference, "部门受理号", 64), calendar))
            return false;
        TrackNextDue();
        var due = item.DueOn is { } d ? $"，承诺办结日期{d:yyyy-MM-dd}" : "";
        var text = resubmission ? $"“{item.ItemName}”补正材料已提交部门{due}" : $"“{item.ItemName}”已报送{item.DepartmentCode}并受理{due}";
        var told = resubmission ? text : $"“{item.ItemName}”已报送{item.ImplementingBody}并受理{due}";
        Write(LogKind.Milestone, text, agent, now, visibleToEnterprise: true, itemCode: item.ItemCode,
            enterpriseContent: told);
        return true;
    }

    public bool RequestItemSupplement(string itemCode, string whatIsMissing, DateOnly on, BusinessCalendar calendar, Actor agent, DateTimeOffset now)
    {
        var item = WorkingItem(itemCode, agent);
        var missing = Guard.Required(whatIsMissing, "需补正内容", 1000);
        if (!item.RequestSupplement(on, missing, calendar))
            return false;
        TrackNextDue();
        Write(LogKind.Work, $"“{item.ItemName}”部门要求补正：{missing}（补正期间暂停计时）", agent, now, visibleToEnterprise: true, itemCode: item.ItemCode);
        return true;
    }

    public bool ApproveItem(string itemCode, string resultDocumentNo, string? note, Actor agent, DateTimeOffset now)
    {
        var item = WorkingItem(itemCode, agent);
        if (!item.Approve(Guard.Required(resultDocumentNo, "批准文号", 64), Guard.Optional(note, "备注", 500), now))
            return false;
        TrackNextDue();
        Write(LogKind.Milestone, $"“{item.ItemName}”已批准，文号{resultDocumentNo}", agent, now, visibleToEnterprise: true, itemCode: item.ItemCode);
        _events.Record(new ItemApproved(this, item, now));
        return true;
    }

    public bool RefuseItem(string itemCode, string reason, Actor agent, DateTimeOffset now)
    {
        var item = WorkingItem(itemCode, agent);
        var why = Guard.Required(reason, "不予批准原因", 1000);
        if (!item.Refuse(why, now))
            return false;
        TrackNextDue();
        Write(LogKind.Milestone, $"“{item.ItemName}”不予批准：{why}", agent, now, visibleToEnterprise: true, itemCode: item.ItemCode);
        return true;
    }

    /// <summary>Stops an item's clock for time the law excludes (专家评审、听证、检测、公示).</summary>
    public bool PauseItemClock(string itemCode, PauseReason reason, string? note, DateOnly on, BusinessCalendar calendar, Actor agent, DateTimeOffset now)
    {
        var item = WorkingItem(itemCode, agent);
        if (!Enum.IsDefined(reason))
            throw DomainRuleException.Invalid("case_item.pause_reason", "请选择暂停计时的法定事由。");
        if (!item.PauseClock(on, reason, Guard.Optional(note, "说明", 500), calendar))
            return false;
        TrackNextDue();
        Write(LogKind.Work, $"“{item.ItemName}”暂停计时（{reason.Name()}）", agent, now, visibleToEnterprise: true,
            itemCode: item.ItemCode);
        return true;
    }

    public bool ResumeItemClock(string itemCode, DateOnly on, BusinessCalendar calendar, Actor agent, DateTimeOffset now)
    {
        var item = WorkingItem(itemCode, agent);
        if (!item.ResumeClock(on, calendar))
            return false;
        TrackNextDue();
        var due = item.DueOn is { } d ? $"，承诺办结日期顺延至{d:yyyy-MM-dd}" : "";
        Write(LogKind.Work, $"“{item.ItemName}”恢复计时{due}", agent, now, visibleToEnterprise: true, itemCode: item.ItemCode);
        return true;
    }

    /// <summary>
    /// The holiday table changed: each undecided item is counted again on it (a promise of N working days means N
    /// working days as the calendar now has them), and every due date that moves is logged for the enterprise.
    /// A closed case keeps what it had. Returns whether any due date moved.
    /// </summary>
    public bool ReplanDueDates(BusinessCalendar calendar, string why, Actor by, DateTimeOffset now)
    {
        if (!Status.IsOpen())
            return false;
        var moved = false;
        foreach (var item in _items.Where(i => i.Status.IsOpen() && i.DueOn is not null))
        {
            var before = item.DueOn;
            item.Recalculate(calendar);
            TrackNextDue();
            if (item.DueOn == before)
                continue;
            moved = true;
            Write(LogKind.Work, $"{why}：“{item.ItemName}”承诺办结日期由{before:yyyy-MM-dd}调整为{item.DueOn:yyyy-MM-dd}", by, now,
                visibleToEnterprise: true, itemCode: item.ItemCode);
        }
        return moved;
    }

    private CaseItem WorkingItem(string itemCode, Actor agent)
    {
        EnsureAgent(agent);
        if (Status is not (CaseStatus.InProgress or CaseStatus.AwaitingMaterials))
            throw new DomainRuleException("case.not_in_progress", $"案件当前状态为“{Status.Name()}”，需开始办理后才能办理事项。");
        return _items.FirstOrDefault(i => i.ItemCode == itemCode)
            ?? throw DomainRuleException.Invalid("case_item.not_found", $"本案件中没有事项“{itemCode}”。");
    }

}
