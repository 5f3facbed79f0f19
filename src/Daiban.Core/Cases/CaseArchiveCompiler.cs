using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Projects;

namespace Daiban.Core.Cases;

/// <summary>
/// Builds the case's electronic archive (二, 五.5): one JSON document and its SHA-256, camelCase like the rest of
/// the API. Archives written before that are PascalCase; <see cref="CaseArchiving.Content"/> serves both alike.
/// </summary>
public static class CaseArchiveCompiler
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static CaseArchive Compile(Case @case, Enterprise enterprise, Project project, Actor by, DateTimeOffset now)
    {
        if (@case.Status is not (CaseStatus.Delivered or CaseStatus.Evaluated))
            throw new DomainRuleException("archive.not_finished", "办理结果送达签收后才能归档。");
        var document = new
        {
            @case.CaseNumber,
            Mode = @case.Mode.Name(),
            @case.Channel,
            ScopeStages = @case.ScopeStages.Select(s => s.Name()),
            Enterprise = new { enterprise.Name, CreditCode = enterprise.CreditCode.Value },
            Project = project.Facts,
            @case.SubmittedAt,
            @case.RegisteredAt,
            Assignments = @case.Assignments.Select(a => new { a.AgentName, a.Reason, a.AssignedBy, a.AssignedAt, a.EndedAt }),
            Plans = @case.Plans.Select(p => new { p.Version, p.Summary, p.Steps, p.ProposedByName, p.ProposedAt, p.Decision, p.DecidedByName, p.DecidedAt, p.DecisionComment }),
            Items = @case.Items.OrderBy(i => i.SortOrder).Select(i => new
            {
                i.ItemCode, i.ItemName, Stage = i.Stage.Name(), i.DepartmentCode, i.ImplementingBody, i.PromisedDays,
                Status = i.Status.Name(), i.AcceptedOn, i.DueOn, i.ResultDocumentNo, i.DecisionNote, i.DecidedAt,
                Pauses = i.Pauses.Select(p => new { p.PausedOn, p.ResumedOn, p.Reason, p.Note }),
            }),
            Materials = @case.Materials.Select(m => new
            {
                m.Name, m.ItemCode, m.Copies, m.IsOriginal, m.ReceivedBy, m.ReceivedAt, m.Review, m.ReviewNote,
                m.ForwardedToDepartment, m.ForwardedAt, m.OriginalReturnedAt,
            }),
            Parcels = @case.Parcels.OrderBy(p => p.SentAt).Select(p => new { p.Direction, p.Contents, p.Carrier, p.TrackingNumber, p.SentBy, p.SentAt, p.ReceivedBy, p.ReceivedAt }),
            Log = @case.Log.OrderBy(l => l.At).Select(l => new { l.At, l.Kind, l.ActorName, l.ItemCode, l.Content, l.Problems, l.NextStep }),
            Transitions = @case.Transitions.Select(t => new { t.From, t.To, t.ActorName, t.At, t.Reason }),
            Delivery = @case.Delivery is { } d
                ? new { d.Method, d.Documents, d.Carrier, d.TrackingNumber, d.MailedAt, d.SignedByName, d.ReceiptConfirmedAt }
                : null,
            Evaluation = @case.Evaluation is { } e
                ? new { Overall = e.Overall.Name(), Attitude = Rated(e.Attitude), Efficiency = Rated(e.Efficiency),
                    Expertise = Rated(e.Expertise), Coordination = Rated(e.Coordination), e.Comment, e.Suggestions, e.EvaluatedAt }
                : null,
            CompiledBy = by.Name,
            CompiledAt = now,
        };
        var json = JsonSerializer.Serialize(document, Json);
        var enterpriseJson = JsonSerializer.Serialize(ForEnterprise(@case, enterprise, project, by, now), Json);
        return new CaseArchive(@case.Id, json, Hash(json), enterpriseJson, Hash(enterpriseJson), by.Name, now);
    }

    /// <summary>
    /// The enterprise's view: only log lines meant for it, in its wording; no assignment or transition reasons
    /// (routing loads, override reasons), department names instead of codes, statuses in Chinese.
    /// </summary>
    private static object ForEnterprise(Case @case, Enterprise enterprise, Project project, Actor by,
        DateTimeOffset now) => new
    {
        @case.CaseNumber,
        Mode = @case.Mode.Name(),
        ScopeStages = @case.ScopeStages.Select(s => s.Name()),
        Enterprise = new { enterprise.Name, CreditCode = enterprise.CreditCode.Value },
        Project = project.Facts,
        @case.SubmittedAt,
        @case.RegisteredAt,
        Agents = @case.Assignments.Select(a => new { a.AgentName, a.AssignedAt, a.EndedAt }),
        Plans = @case.Plans.Select(p => new
        {
            p.Version, p.Summary, p.Steps, p.ProposedByName, p.ProposedAt, Decision = p.Decision.ToString(),
                p.DecidedByName, p.DecidedAt,
            p.DecisionComment,
        }),
        Items = @case.Items.OrderBy(i => i.SortOrder).Select(i => new
        {
            i.ItemCode, i.ItemName, Stage = i.Stage.Name(), Department = i.ImplementingBody, i.PromisedDays,
            Status = i.Status.Name(), i.AcceptedOn, i.DueOn, i.ResultDocumentNo, i.DecisionNote, i.DecidedAt,
            Pauses = i.Pauses.Select(p => new { p.PausedOn, p.ResumedOn, Reason = p.Reason.Name() }),
        }),
        Materials = @case.Materials.Select(m => new { m.Name, m.Copies, m.IsOriginal, m.ReceivedAt, m.ReviewNote,
            m.OriginalReturnedAt }),
        Parcels = @case.Parcels.OrderBy(p => p.SentAt)
            .Select(p => new { p.Direction, p.Contents, p.Carrier, p.TrackingNumber, p.SentAt, p.ReceivedBy,
                p.ReceivedAt }),
        Log = @case.Log.Where(l => l.VisibleToEnterprise).OrderBy(l => l.At).ThenBy(l => l.Id)
            .Select(l => new { l.At, Kind = l.Kind.ToString(), l.ItemCode, Content = l.ForEnterprise }),
        Delivery = @case.Delivery is { } d
            ? new { d.Method, d.Documents, d.Carrier, d.TrackingNumber, d.MailedAt, d.SignedByName,
                d.ReceiptConfirmedAt }
            : null,
        Evaluation = @case.Evaluation is { } e
            ? new
            {
                Overall = e.Overall.Name(), Attitude = Rated(e.Attitude), Efficiency = Rated(e.Efficiency),
                Expertise = Rated(e.Expertise), Coordination = Rated(e.Coordination), e.Comment, e.Suggestions, e.EvaluatedAt,
            }
            : null,
        CompiledBy = by.Name,
        CompiledAt = now,
    };

    private static string Rated(SatisfactionLevel? level) => level?.Name() ?? "未评价";

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
