using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Supervision;

public enum RectificationStatus
{
    Open,
    /// <summary>Fixed; the callback confirmed it and the enterprise was told.</summary>
    Rectified,
    /// <summary>Nothing to fix under the law; the enterprise was given an explanation.</summary>
    Explained,
    /// <summary>申诉复核 found the review mistaken or malicious.</summary>
    DismissedOnReview,
}

/// <summary>
/// The follow-up every 差评 gets: verify, rectify or explain, call back, and feed the result back to the reviewer
/// ("有整改、有反馈"). It cannot be closed without the callback record.
/// </summary>
public sealed class Rectification
{
    public static readonly TransitionTable<RectificationStatus> Table = new("rectification", s => s switch
    {
        RectificationStatus.Open => "整改中",
        RectificationStatus.Rectified => "已整改",
        RectificationStatus.Explained => "已解释说明",
        _ => "复核撤销",
    }, new Dictionary<RectificationStatus, RectificationStatus[]>
    {
        [RectificationStatus.Open] = [RectificationStatus.Rectified, RectificationStatus.Explained, RectificationStatus.DismissedOnReview],
    });

    private Rectification() { }

    public Rectification(long caseId, long evaluationId, long? agentId, long? assigneeId, DateOnly deadline, DateTimeOffset now)
    {
        CaseId = caseId;
        EvaluationId = evaluationId;
        AgentId = agentId;
        AssigneeId = assigneeId;
        Deadline = deadline;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public long EvaluationId { get; private set; }
    /// <summary>The agent the bad review is attributed to.</summary>
    public long? AgentId { get; private set; }
    /// <summary>The supervisor who owns the follow-up.</summary>
    public long? AssigneeId { get; private set; }
    public DateOnly Deadline { get; private set; }
    public RectificationStatus Status { get; private set; }
    public string? Findings { get; private set; }
    public string? Measures { get; private set; }
    public string? FeedbackToEnterprise { get; private set; }
    public long? CallbackId { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsOverdue(DateOnly today) => Status == RectificationStatus.Open && today > Deadline;

    public bool Close(RectificationStatus outcome, string findings, string measures, string feedback, Callback callback, Actor by, DateTimeOffset now)
    {
        if (Status == outcome)
            return false;
        if (callback.CaseId != CaseId || callback.Status != CallbackStatus.Done)
            throw new DomainRuleException("rectification.callback_required", "请先完成对企业的回访并记录结果，再办结整改。");
        Table.Ensure(Status, outcome);
        Findings = Guard.Required(findings, "核实情况", 2000);
        Measures = Guard.Required(measures, "整改措施", 2000);
        FeedbackToEnterprise = Guard.Required(feedback, "反馈企业情况", 2000);
        CallbackId = callback.Id;
        Status = outcome;
        ClosedAt = now;
        ClosedBy = by.Name;
        return true;
    }

    /// <summary>
    /// Closes the rectification against the bad review's own callback (100 % callback of bad reviews: no callback
    /// recorded as done, no closing).
    /// </summary>
    public async Task<bool> CloseAsync(DaibanDbContext db, RectificationStatus outcome, string findings, string measures, string feedback, Actor by,
        DateTimeOffset now, CancellationToken ct)
    {
        var callback = await db.Callbacks.Where(c => c.CaseId == CaseId && c.Kind == CallbackKind.BadReview).OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct)
                       ?? throw new DomainRuleException("rectification.callback_required", "请先完成对企业的回访并记录结果，再办结整改。");
        return Close(outcome, findings, measures, feedback, callback, by, now);
    }
}
