using Daiban.Core.Cases;
using Daiban.WeChat.Staff;

namespace Daiban.WeChat.MiniProgram;

public sealed record BindEnterpriseRequest(string? EnterpriseName, string? CreditCode, string? ContactName);

public sealed record EnterpriseBinding(long ContactId, long EnterpriseId, string EnterpriseName, string Status, string StatusName);

public sealed record ApplyRequest(long? ContactId, ServiceMode? Mode, int[]? Stages, string[]? Items, ProjectRequest? Project, string? Request);

public sealed record PlanDecisionRequest(bool Agree, string? Comment);

public sealed record ReceiptRequest(string? SignedBy, string? SignatureReference);

public sealed record EvaluationRequest(SatisfactionLevel Overall, SatisfactionLevel? Attitude, SatisfactionLevel? Efficiency, SatisfactionLevel? Expertise,
    SatisfactionLevel? Coordination, string? Comment, string? Suggestions)
{
    public EvaluationForm ToForm() => new(Overall, Attitude ?? Overall, Efficiency ?? Overall, Expertise ?? Overall, Coordination ?? Overall, Comment, Suggestions);
}

public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Content, string? ItemCode);

public sealed record PlanView(int Version, string Summary, IReadOnlyList<PlanStep> Steps, string Decision, DateTimeOffset ProposedAt);

/// <summary>A case as the enterprise sees it: progress, items with due dates, its agent, the log lines meant for it.</summary>
public sealed record EnterpriseCaseView(long Id, string CaseNumber, string ModeName, CaseStatus Status, string StatusName, string? AgentName,
    IReadOnlyList<CaseItemResponse> Items, PlanView? Plan, IReadOnlyList<TimelineEntry> Timeline, bool CanEvaluate,
    IReadOnlyList<Staff.ParcelResponse> Parcels, bool CanMailMaterials, bool CanWithdraw)
{
    public static EnterpriseCaseView From(Case c)
    {
        var staff = CaseResponse.From(c);
        var plan = c.CurrentPlan is { } p ? new PlanView(p.Version, p.Summary, p.Steps, p.Decision.ToString(), p.ProposedAt) : null;
        return new EnterpriseCaseView(c.Id, c.CaseNumber, staff.ModeName, c.Status, staff.StatusName, c.AgentName, staff.Items, plan,
            c.Log.Where(l => l.VisibleToEnterprise).OrderBy(l => l.At).ThenBy(l => l.Id).Select(l => new TimelineEntry(l.At, l.Kind.ToString(), l.Content, l.ItemCode)).ToList(),
            c.Status == CaseStatus.Delivered && c.Evaluation is null,
            Staff.ParcelResponse.ListOf(c), c.AcceptsMail, c.CanBeWithdrawn);
    }
}

public sealed record InAppMessage(long Id, string Title, long? CaseId, string? Page, DateTimeOffset CreatedAt, bool Read);

/// <summary>How many messages a "mark all read" changed.</summary>
public sealed record MessagesRead(int Marked);
