using Daiban.Core.Notifications;

namespace Daiban.WeChat.Notifications;

/// <summary>
/// Where a notice's destination is in the mini-program (miniprogram/app.json): the enterprise's pages for enterprise
/// contacts, the agent pages for staff. A destination with no page for that reader (supervision and window work is
/// done in the console) has none: WeChat refuses a page the mini-program does not have (41030).
/// </summary>
public static class MiniProgramPages
{
    public const string EnterpriseCase = "pages/case/case";
    public const string EnterpriseEvaluation = "pages/evaluate/evaluate";
    public const string EnterpriseMessages = "pages/messages/messages";
    public const string AgentCase = "pages/agent/case/case";
    public const string AgentCases = "pages/agent/cases/cases";
    public const string AgentConsultations = "pages/agent/consultations/consultations";

    public static string? For(RecipientKind reader, NoticeTarget target) => (reader, target.Destination) switch
    {
        (RecipientKind.EnterpriseContact, NoticeDestination.EnterpriseCase) => WithCase(EnterpriseCase, target),
        (RecipientKind.EnterpriseContact, NoticeDestination.EnterpriseEvaluation) =>
            WithCase(EnterpriseEvaluation, target),
        (RecipientKind.EnterpriseContact, NoticeDestination.EnterpriseMessages) => EnterpriseMessages,
        (RecipientKind.Staff, NoticeDestination.AgentCase) => WithCase(AgentCase, target),
        (RecipientKind.Staff, NoticeDestination.AgentCases) => AgentCases,
        (RecipientKind.Staff, NoticeDestination.AgentConsultations) => AgentConsultations,
        _ => null,
    };

    /// <summary>The page path without its query, as app.json lists it.</summary>
    public static string PathOf(string page) => page.Split('?', 2)[0];

    private static string? WithCase(string page, NoticeTarget target) =>
        target.CaseId is { } id ? $"{page}?id={id}" : null;
}
