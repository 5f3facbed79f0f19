using Daiban.Core.Calendar;
using Daiban.Core.Notifications;
using Daiban.WeChat.Api;

namespace Daiban.WeChat.Notifications;

/// <summary>
/// Each notice key's WeChat template: which of the notice's fields fills which keyword (thing1, time3 …), fitted to
/// the keyword's rules (docs/architecture.md §11, <see cref="TemplateValueRules"/>). docs/api.md's table lists the same.
/// </summary>
public static class NoticeTemplates
{
    private static readonly Dictionary<string, Func<NoticeFields, (string Keyword, string? Value)[]>> Keywords = new()
    {
        [NoticeKeys.CaseAssigned] = f =>
            [("thing1", f.ProjectName), ("character_string2", f.CaseNumber), ("thing3", f.Summary), ("time4", Time(f.At))],
        [NoticeKeys.AgentAssigned] = f =>
        [
            ("character_string1", f.CaseNumber), ("name2", f.AgentName), ("phone_number3", f.AgentPhone),
            ("thing4", f.ProjectName),
        ],
        [NoticeKeys.CaseUpdate] = CaseLine,
        [NoticeKeys.CaseRegistered] = CaseLine,
        [NoticeKeys.PlanToAgree] = CaseLine,
        [NoticeKeys.MaterialsNeeded] = CaseLine,
        [NoticeKeys.ItemApproved] = CaseLine,
        [NoticeKeys.ResultsReady] = CaseLine,
        [NoticeKeys.DeliverySent] = CaseLine,
        [NoticeKeys.CaseClosed] = CaseLine,
        [NoticeKeys.ServiceTimeliness] = CaseLine,
        [NoticeKeys.ConsultationHandoff] = f => [("thing1", f.Subject), ("thing2", f.Reason), ("time3", Time(f.At))],
        [NoticeKeys.IssueAssigned] = f =>
            [("thing1", f.Subject), ("character_string2", f.CaseNumber), ("time3", Day(f.Deadline))],
        [NoticeKeys.EvaluationInvite] = f =>
        [
            ("character_string1", f.CaseNumber), ("name2", f.AgentName), ("time3", Day(f.Deadline)),
            ("thing4", f.Summary),
        ],
        [NoticeKeys.DeadlineReminder] = ItemLine,
        [NoticeKeys.DeadlineEscalation] = ItemLine,
        [NoticeKeys.LedgerReminder] = f => [("thing1", f.Subject), ("time2", Day(f.Deadline)), ("thing3", f.Summary)],
        [NoticeKeys.RectificationDue] = TaskLine,
        [NoticeKeys.CallbackDue] = TaskLine,
        [NoticeKeys.DailyDigest] = TaskLine,
    };

    /// <summary>Keys this layer can send as a subscribe or template message.</summary>
    public static IEnumerable<string> Known => Keywords.Keys;

    /// <summary>The template's data for this notice, each value fitted to its keyword; unset fields left out.</summary>
    public static Dictionary<string, string>? DataFor(string key, NoticeFields fields) =>
        Keywords.TryGetValue(key, out var map)
            ? map(fields).Where(k => !string.IsNullOrWhiteSpace(k.Value))
                .ToDictionary(k => k.Keyword, k => TemplateValueRules.Fit(k.Keyword, k.Value!))
            : null;

    private static (string, string?)[] CaseLine(NoticeFields f) =>
        [("character_string1", f.CaseNumber), ("thing2", f.Summary ?? f.Reason), ("time3", Time(f.At))];

    private static (string, string?)[] ItemLine(NoticeFields f) =>
        [
            ("thing1", f.ItemName), ("character_string2", f.CaseNumber), ("time3", Day(f.Deadline)),
            ("thing4", f.Summary),
        ];

    private static (string, string?)[] TaskLine(NoticeFields f) => [("thing1", f.Summary), ("time2", Day(f.Deadline))];

    private static string? Time(DateTimeOffset? at) => at is { } a ? ChinaTime.Display(a) : null;

    private static string? Day(DateOnly? day) => day is { } d ? ChinaTime.Display(d) : null;
}
