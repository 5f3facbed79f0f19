using System.ComponentModel.DataAnnotations;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;

namespace Daiban.Web.Cases;

public sealed record BindEnterpriseRequest([property: Required] string? EnterpriseName,
    [property: Required] string? CreditCode, [property: Required] string? ContactName);

/// <summary>
/// The user's binding to an enterprise; while it waits for the window, <c>StillNeeded</c> says in words what the
/// window still needs (verified phone, 授权委托书), <c>ClosingReason</c> why it was refused or revoked.
/// </summary>
public sealed record EnterpriseBinding(long ContactId, long EnterpriseId, string EnterpriseName, string Status,
    string StatusName,
    bool PhoneVerified, bool LetterUploaded, IReadOnlyList<string> StillNeeded, string? ClosingReason)
{
    public static EnterpriseBinding From(Core.Enterprises.EnterpriseContact c) => new(c.Id, c.EnterpriseId,
        c.Enterprise.Name, c.Status.ToString(),
        Core.Enterprises.ContactEvidenceNames.Name(c.Status), c.PhoneVerified, c.AuthorizationLetter is not null,
            c.StillNeeded(), c.ClosingReason);
}

/// <summary>Stages or items (or both) give the scope; a user bound to one enterprise may omit the contact.</summary>
/// <param name="ScopeLeftToAgent">不清楚，由代办员帮我确定: the agent settles the approvals with the enterprise.</param>
public sealed record ApplyRequest(long? ContactId, [property: Required] ServiceMode? Mode, int[]? Stages,
    string[]? Items, [property: Required] ProjectRequest? Project, string? Request, bool ScopeLeftToAgent = false);

public sealed record PlanDecisionRequest(bool Agree, string? Comment);

public sealed record ReceiptRequest(string? SignedBy, string? SignatureReference);

public sealed record EvaluationRequest([property: Required] SatisfactionLevel Overall, SatisfactionLevel? Attitude,
    SatisfactionLevel? Efficiency, SatisfactionLevel? Expertise,
    SatisfactionLevel? Coordination, string? Comment, string? Suggestions)
{
    public EvaluationForm ToForm() => new(Overall, Attitude, Efficiency, Expertise, Coordination, Comment,
        Suggestions);
}

public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Content, string? ItemCode);

/// <summary>An item as the enterprise sees it: the department by its name, not the internal code.</summary>
public sealed record EnterpriseItemView(string Code, string Name, int Stage, string StageName, string Department,
    string Status, string StatusName,
    int? PromisedDays, DateOnly? AcceptedOn, DateOnly? DueOn, string? ResultDocumentNo);

public sealed record PlanView(int Version, string Summary, IReadOnlyList<PlanStep> Steps, string Decision,
    DateTimeOffset ProposedAt);

/// <summary>The case's "now" card: the action it waits for from the enterprise (None: nothing), in words.</summary>
public sealed record EnterpriseNextView(string Action, bool NeedsEnterprise, string Title, string Detail,
    IReadOnlyList<OwedMaterial> Owed)
{
    public static EnterpriseNextView From(EnterpriseNext n) =>
        new(n.Action.ToString(), n.NeedsEnterprise, n.Title, n.Detail, n.Owed);
}

/// <summary>How the results reach the enterprise: mailed (carrier, tracking number) or handed over in person.</summary>
public sealed record DeliveryView(string Method, string MethodName, string Documents, string? Carrier,
    string? TrackingNumber, DateTimeOffset? MailedAt, bool Signed)
{
    public static DeliveryView? From(Delivery? d) => d is null
        ? null
        : new(d.Method.ToString(), d.Method.Name(), d.Documents, d.Carrier, d.TrackingNumber, d.MailedAt,
            d.IsReceiptSigned || d.Method == DeliveryMethod.InPerson);
}

/// <summary>
/// A case as the enterprise sees it: its project, what it waits for from the enterprise now, items with due dates,
/// its agent, the plan, the materials it supplied with their review, the delivery, the log lines meant for it.
/// </summary>
public sealed record EnterpriseCaseView(long Id, string CaseNumber, string ModeName, CaseStatus Status,
    string StatusName, string? AgentName,
    IReadOnlyList<EnterpriseItemView> Items, PlanView? Plan, IReadOnlyList<TimelineEntry> Timeline, bool CanEvaluate,
    IReadOnlyList<ParcelResponse> Parcels, bool CanMailMaterials, bool CanWithdraw, string ProjectName,
    EnterpriseNextView Next, IReadOnlyList<UploadedMaterial> Materials, DeliveryView? Delivery)
{
    /// <summary>The agent's work phone for 联系代办员; set by the case's own read, which the page reloads after acting.</summary>
    public string? AgentPhone { get; init; }

    /// <summary>The approvals are still to be settled with the agent (the enterprise chose 不清楚).</summary>
    public bool ScopeToSettle { get; init; }

    public static EnterpriseCaseView From(Case c, string projectName, EnterpriseNext next)
    {
        var plan = c.CurrentPlan is { } p
            ? new PlanView(p.Version, p.Summary, p.Steps, p.Decision.ToString(), p.ProposedAt)
            : null;
        var items = c.Items.OrderBy(i => i.SortOrder).Select(i => new EnterpriseItemView(i.ItemCode, i.ItemName,
            (int)i.Stage, i.Stage.Name(), i.ImplementingBody,
            i.Status.ToString(), i.Status.Name(), i.PromisedDays, i.AcceptedOn, i.DueOn, i.ResultDocumentNo)).ToList();
        // Only the lines meant for the enterprise, each in its wording (LogEntry.ForEnterprise).
        var timeline = c.Log.Where(l => l.VisibleToEnterprise).OrderBy(l => l.At).ThenBy(l => l.Id)
            .Select(l => new TimelineEntry(l.At, l.Kind.ToString(), l.ForEnterprise!, l.ItemCode)).ToList();
        return new EnterpriseCaseView(c.Id, c.CaseNumber, c.Mode.Name(), c.Status, c.Status.Name(), c.AgentName,
            items, plan, timeline,
            c.Status == CaseStatus.Delivered && c.Evaluation is null,
            ParcelResponse.ListOf(c), c.AcceptsMail, c.CanBeWithdrawn, projectName, EnterpriseNextView.From(next),
            c.Materials.OrderBy(m => m.Id).Select(UploadedMaterial.From).ToList(), DeliveryView.From(c.Delivery))
        {
            ScopeToSettle = c.ScopeToSettle,
        };
    }
}

/// <summary>A notice to the enterprise: its title, and its values in one line under it (project, what, when).</summary>
public sealed record InAppMessage(long Id, string Title, string Detail, long? CaseId, string? Page,
    DateTimeOffset CreatedAt, bool Read);

/// <summary>How many messages a "mark all read" changed.</summary>
public sealed record MessagesRead(int Marked);
