using Daiban.Core.Notifications;
using K = Daiban.Core.Notifications.NoticeKeys;

namespace Daiban.WeChat;

/// <summary>
/// The WeChat template id of each notice key, bound from <c>WeChat:Templates</c> with one PascalCase setting per key
/// (<c>WeChat:Templates:ItemApproved</c>, as an environment variable <c>WeChat__Templates__ItemApproved</c>): a
/// hyphenated key cannot be exported from a shell. The code speaks in the notice keys (<see cref="NoticeKeys"/>);
/// the properties below are the one place that maps each setting to its key.
/// </summary>
public sealed class TemplateOptions
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    public string? CaseRegistered { get => Get(K.CaseRegistered); set => Set(K.CaseRegistered, value); }
    public string? AgentAssigned { get => Get(K.AgentAssigned); set => Set(K.AgentAssigned, value); }
    public string? PlanToAgree { get => Get(K.PlanToAgree); set => Set(K.PlanToAgree, value); }
    public string? MaterialsNeeded { get => Get(K.MaterialsNeeded); set => Set(K.MaterialsNeeded, value); }
    public string? ItemApproved { get => Get(K.ItemApproved); set => Set(K.ItemApproved, value); }
    public string? ResultsReady { get => Get(K.ResultsReady); set => Set(K.ResultsReady, value); }
    public string? DeliverySent { get => Get(K.DeliverySent); set => Set(K.DeliverySent, value); }
    public string? CaseClosed { get => Get(K.CaseClosed); set => Set(K.CaseClosed, value); }
    public string? EvaluationInvite { get => Get(K.EvaluationInvite); set => Set(K.EvaluationInvite, value); }
    public string? CaseAssigned { get => Get(K.CaseAssigned); set => Set(K.CaseAssigned, value); }
    public string? CaseUpdate { get => Get(K.CaseUpdate); set => Set(K.CaseUpdate, value); }
    public string? ConsultationHandoff { get => Get(K.ConsultationHandoff); set => Set(K.ConsultationHandoff, value); }
    public string? IssueAssigned { get => Get(K.IssueAssigned); set => Set(K.IssueAssigned, value); }
    public string? DeadlineReminder { get => Get(K.DeadlineReminder); set => Set(K.DeadlineReminder, value); }
    public string? DeadlineEscalation { get => Get(K.DeadlineEscalation); set => Set(K.DeadlineEscalation, value); }
    public string? ServiceTimeliness { get => Get(K.ServiceTimeliness); set => Set(K.ServiceTimeliness, value); }
    public string? LedgerReminder { get => Get(K.LedgerReminder); set => Set(K.LedgerReminder, value); }
    public string? RectificationDue { get => Get(K.RectificationDue); set => Set(K.RectificationDue, value); }
    public string? CallbackDue { get => Get(K.CallbackDue); set => Set(K.CallbackDue, value); }
    public string? DailyDigest { get => Get(K.DailyDigest); set => Set(K.DailyDigest, value); }

    /// <summary>The template id configured for a notice key, if any.</summary>
    public bool TryGet(string key, out string templateId) => _ids.TryGetValue(key, out templateId!);

    /// <summary>Every configured key with its template id.</summary>
    public IEnumerable<KeyValuePair<string, string>> Configured() => _ids;

    /// <summary>The setting that holds a key's id: "item-approved" → "ItemApproved".</summary>
    public static string SettingName(string key) =>
        string.Concat(key.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>The id the emulator uses for a key nobody configured, so a fresh checkout sends real messages.</summary>
    public static string DemoId(string key) => "demo-" + key;

    /// <summary>With the emulator: every templated key without an id gets its demo id.</summary>
    internal void FillDemoIds()
    {
        foreach (var key in NoticeKeys.Templated)
            _ids.TryAdd(key, DemoId(key));
    }

    private string? Get(string key) => _ids.GetValueOrDefault(key);

    private void Set(string key, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            _ids.Remove(key);
        else
            _ids[key] = id.Trim();
    }
}
