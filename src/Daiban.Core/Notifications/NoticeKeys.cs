namespace Daiban.Core.Notifications;

/// <summary>
/// The one catalogue of logical notice keys. The strings never change: the mini-program asks for consent by them
/// and stored notices carry them. The WeChat layer maps each to its template's setting and keywords.
/// </summary>
public static class NoticeKeys
{
    // To enterprise contacts (mini-program subscribe messages).
    public const string CaseRegistered = "case-registered";
    public const string AgentAssigned = "agent-assigned";
    public const string PlanToAgree = "plan-to-agree";
    public const string MaterialsNeeded = "materials-needed";
    public const string ItemApproved = "item-approved";
    public const string ResultsReady = "results-ready";
    public const string DeliverySent = "delivery-sent";
    public const string CaseClosed = "case-closed";
    public const string EvaluationInvite = "evaluation-invite";

    // To staff (Official Account template messages).
    public const string CaseAssigned = "case-assigned";
    public const string CaseUpdate = "case-update";
    public const string ConsultationHandoff = "consultation-handoff";
    public const string IssueAssigned = "issue-assigned";
    public const string DeadlineReminder = "deadline-reminder";
    public const string DeadlineEscalation = "deadline-escalation";
    public const string ServiceTimeliness = "service-timeliness";
    public const string LedgerReminder = "ledger-reminder";
    public const string RectificationDue = "rectification-due";
    public const string CallbackDue = "callback-due";
    public const string DailyDigest = "daily-digest";

    // Customer-service text to whoever asked, within WeChat's window.
    public const string ConsultationReply = "consultation-reply";

    // In-app only: no WeChat template.
    public const string AccountSecurity = "account-security";
    public const string ContactConfirmed = "contact-confirmed";
    public const string ContactRefused = "contact-refused";
    public const string ContactRevoked = "contact-revoked";
    public const string ScopeSettled = "scope-settled";

    /// <summary>Keys sent to enterprise contacts as mini-program subscribe messages, which they consent to.</summary>
    public static readonly IReadOnlyList<string> ToEnterprises =
    [
        CaseRegistered, AgentAssigned, PlanToAgree, MaterialsNeeded, ItemApproved, ResultsReady, DeliverySent,
        CaseClosed, EvaluationInvite,
    ];

    /// <summary>Keys sent as subscribe or template messages: each needs a WeChat template.</summary>
    public static readonly IReadOnlyList<string> Templated =
    [
        CaseRegistered, AgentAssigned, PlanToAgree, MaterialsNeeded, ItemApproved, ResultsReady, DeliverySent,
        CaseClosed, EvaluationInvite, CaseAssigned, CaseUpdate, ConsultationHandoff, IssueAssigned, DeadlineReminder,
        DeadlineEscalation, ServiceTimeliness, LedgerReminder, RectificationDue, CallbackDue, DailyDigest,
    ];

    public static readonly IReadOnlyList<string> All =
        [.. Templated, ConsultationReply, AccountSecurity, ContactConfirmed, ContactRefused, ContactRevoked, ScopeSettled];
}
