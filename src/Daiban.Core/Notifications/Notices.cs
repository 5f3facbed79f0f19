using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.DifficultIssues;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Notifications;

/// <summary>
/// The one way Daiban tells people: domain events (taken by <see cref="NoticeInterceptor"/> as the unit of work is
/// saved), reminder rules and the few services that notify build their notification rows here, each with a logical
/// key (<see cref="NoticeKeys"/>), its <see cref="NoticeFields"/> and a <see cref="NoticeTarget"/>. How a channel
/// shows them (WeChat keywords, mini-program pages) is the channel's business. Rows go through the outbox's
/// de-duplication keys, so whatever re-runs its cause queues nothing twice. Stateless: one instance serves all.
/// </summary>
public sealed class Notices
{
    public Notification ToStaff(string key, long staffId, string template, string title, NoticeFields fields,
        NoticeTarget target, long? caseId, DateTimeOffset now, NotificationChannel channel = NotificationChannel.Template) =>
        new(key, RecipientKind.Staff, staffId, channel, template, Text.Excerpt(title, 128), fields, target, caseId, now);

    public Notification ToContact(string key, long contactId, string template, string title, NoticeFields fields,
        NoticeTarget target, long? caseId, DateTimeOffset now,
        NotificationChannel channel = NotificationChannel.Subscribe) =>
        new(key, RecipientKind.EnterpriseContact, contactId, channel, template, Text.Excerpt(title, 128), fields, target,
            caseId, now);

    /// <summary>Turns one domain event into its rows in <paramref name="db"/>'s unit of work.</summary>
    public Task OnAsync(DaibanDbContext db, IDomainEvent e, CancellationToken ct) => e switch
    {
        // A case created in this very unit of work (seed data, a walk-in registered at the window with its
        // people present) has nobody to tell yet, and no id to point at.
        CaseEvent { Case.Id: 0 } => Task.CompletedTask,
        CaseRegistered r => r.Case.Channel == ApplicationChannel.WalkIn ? Task.CompletedTask
            : ToApplicantAsync(db, r, "registered", NoticeKeys.CaseRegistered, "您的申请已登记",
                $"{r.Case.Mode.Name()}申请已登记，正在为您指派代办员", ct),
        AgentAssigned a => AssignedAsync(db, a, ct),
        // No subscribe template of its own: the agent settles the scope with the enterprise, who hears it first.
        ScopeSettled s => ToApplicantAsync(db, s, "scope", NoticeKeys.ScopeSettled, "办理事项已确定",
            $"代办员已为您确定{s.ItemNames.Count}个审批事项：{string.Join("、", s.ItemNames)}", ct,
            channel: NotificationChannel.InApp),
        PlanProposed p => ToApplicantAsync(db, p, $"plan:{p.Version}", NoticeKeys.PlanToAgree, "服务方案待您确认",
            "代办员已提交服务方案，请查看并确认", ct),
        PlanDecided d => ToAgentAsync(db, d,
            $"plan:{d.Version}:{(d.Agreed ? PlanDecision.Agreed : PlanDecision.Rejected)}",
            d.Agreed ? "企业已确认服务方案" : "企业退回服务方案",
            d.Agreed ? "企业已确认服务方案，可开始办理" : $"企业退回方案：{d.Comment}", ct),
        MaterialsRequested m => ToApplicantAsync(db, m, $"materials:{m.Request}", NoticeKeys.MaterialsNeeded, "请补充材料",
            $"需补充{m.Missing.Count}项材料：{string.Join("、", m.Missing)}", ct),
        // One notice an hour per case: an enterprise uploading a stack of files tells its agent once, not per file.
        MaterialReceived { By.Kind: ActorKind.EnterpriseContact } m => ToAgentAsync(db, m,
            $"material:{m.At.UtcDateTime:yyyyMMddHH}", "企业上传了补充材料",
            $"企业上传材料：{m.Material.Name}等，请进行形式审查", ct),
        ParcelMailed { Parcel.Direction: ParcelDirection.ToService } p => ToAgentAsync(db, p,
            $"parcel:{p.Parcel.TrackingNumber}", "企业已寄出材料", $"{p.Parcel.Carrier} {p.Parcel.TrackingNumber}，收到后请确认",
            ct),
        ParcelMailed p => ToApplicantAsync(db, p, $"parcel:{p.Parcel.TrackingNumber}", NoticeKeys.DeliverySent,
            "材料已寄回", $"{p.Parcel.Carrier} {p.Parcel.TrackingNumber}", ct),
        ItemApproved i => ToApplicantAsync(db, i, $"item:{i.Item.ItemCode}:approved", NoticeKeys.ItemApproved,
            $"{i.Item.ItemName}已办结", $"{i.Item.ResultDocumentNo}，{i.Item.ItemName}已批准", ct, i.Item.ItemName),
        ResultsReady r => ToApplicantAsync(db, r, "results-ready", NoticeKeys.ResultsReady, "办理结果已出",
            "全部事项已办结，代办员将统一送达办理结果", ct),
        ResultsMailed r => ToApplicantAsync(db, r, "delivery", NoticeKeys.DeliverySent, "办理结果已寄出",
            $"{r.Case.Delivery?.Carrier} {r.Case.Delivery?.TrackingNumber}", ct),
        ReceiptConfirmed r => ToAgentAsync(db, r, "receipt", "企业已确认签收", "企业已签收办理结果，服务结束，请整理归档", ct),
        CaseClosed c => ClosedAsync(db, c, ct),
        CaseSupervised s => ToAgentAsync(db, s, $"supervised:{s.At.ToUnixTimeMilliseconds()}", $"督办：{s.By.Name}",
            s.Message, ct),
        IssueRaised i => IssueRaisedAsync(db, i, ct),
        ContactDecided { Contact.Id: 0 } => Task.CompletedTask,
        ContactDecided d => ContactDecidedAsync(db, d, ct),
        _ => Task.CompletedTask,
    };

    /// <summary>A staff member told in the console only (bindings, sign-in security).</summary>
    public Task AccountAsync(DaibanDbContext db, long staffId, string what, string title, string detail,
        DateTimeOffset now, CancellationToken ct) =>
        db.AddOnceAsync(ToStaff($"staff:{staffId}:{what}", staffId, NoticeKeys.AccountSecurity, title,
            new NoticeFields { Text = detail }, NoticeTarget.None, null, now, NotificationChannel.InApp), ct);

    /// <summary>A decision about who acts for an enterprise, told to the person in the mini-program's list.</summary>
    private Task ContactDecidedAsync(DaibanDbContext db, ContactDecided e, CancellationToken ct)
    {
        var contact = e.Contact;
        var enterprise = contact.Enterprise.Name;
        var (what, key, title) = e.Status switch
        {
            ContactStatus.Confirmed => ("confirmed", NoticeKeys.ContactConfirmed, $"您已确认为{enterprise}的联系人"),
            ContactStatus.Refused => ("refused", NoticeKeys.ContactRefused, $"您的企业绑定未获确认：{contact.ClosingReason}"),
            _ => ("revoked", NoticeKeys.ContactRevoked, e.ByColleague
                ? $"您代表{enterprise}办理的授权已被取消"
                : $"您代表{enterprise}办理的授权已取消：{contact.ClosingReason}"),
        };
        return db.AddOnceAsync(ToContact($"contact:{contact.Id}:{what}:{e.At.ToUnixTimeMilliseconds()}", contact.Id,
            key, Text.Excerpt(title, 120), new NoticeFields { EnterpriseName = enterprise }, NoticeTarget.None, null,
            e.At, NotificationChannel.InApp), ct);
    }

    /// <summary>A conversation handed to an agent.</summary>
    public Task HandOffAsync(DaibanDbContext db, string conversationKey, long agentId, string question, string reason,
        DateTimeOffset now, CancellationToken ct) =>
        db.AddOnceAsync(ToStaff($"consult:{conversationKey}:{now.ToUnixTimeSeconds()}:agent:{agentId}", agentId,
            NoticeKeys.ConsultationHandoff, $"咨询转人工：{Text.Excerpt(question, 30)}",
            new NoticeFields { Subject = question, Reason = reason, At = now }, NoticeTarget.AgentConsultations, null,
            now), ct);

    /// <summary>A staff reply to whoever asked, as a WeChat customer-service message.</summary>
    public Task ReplyAsync(DaibanDbContext db, long conversationId, string conversationKey, int version,
        string staffName, string text, string via, DateTimeOffset now, CancellationToken ct) =>
        db.AddOnceAsync(new Notification($"consult:{conversationKey}:reply:{version}", RecipientKind.Conversation,
            conversationId, NotificationChannel.CustomerService, NoticeKeys.ConsultationReply, $"{staffName}回复了您的咨询",
            new NoticeFields { Text = text, ReplyVia = via }, NoticeTarget.None, null, now), ct);

    private async Task AssignedAsync(DaibanDbContext db, AgentAssigned a, CancellationToken ct)
    {
        var c = a.Case;
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == c.ProjectId).Select(p => p.Name)
            .SingleAsync(ct);
        var phone = await db.Staff.AsNoTracking().Where(s => s.Id == a.AgentId).Select(s => s.Phone)
            .SingleOrDefaultAsync(ct);
        var key = $"case:{c.CaseNumber}:assigned:{a.Round}";
        await db.AddOnceAsync(ToStaff($"{key}:agent", a.AgentId, NoticeKeys.CaseAssigned, $"新指派案件：{project}",
            new NoticeFields
            {
                ProjectName = project, CaseNumber = c.CaseNumber, Summary = $"{c.Mode.Name()}，{c.Items.Count}个事项",
                At = a.At,
            }, NoticeTarget.AgentCase(c.Id), c.Id, a.At), ct);
        if (c.ApplicantContactId is { } contactId)
            await db.AddOnceAsync(ToContact($"{key}:contact", contactId, NoticeKeys.AgentAssigned,
                $"已为您指派代办员{a.AgentName}", new NoticeFields
                {
                    CaseNumber = c.CaseNumber, AgentName = a.AgentName,
                    AgentPhone = string.IsNullOrEmpty(phone) ? null : phone, ProjectName = project,
                }, NoticeTarget.EnterpriseCase(c.Id), c.Id, a.At), ct);
    }

    /// <summary>
    /// The window closed it: the enterprise is told why, and the agent of a withdrawn case. The enterprise's own
    /// withdrawal tells the agent only.
    /// </summary>
    private async Task ClosedAsync(DaibanDbContext db, CaseClosed e, CancellationToken ct)
    {
        var reason = e.Case.ClosingReason ?? "";
        if (e.By.Kind != ActorKind.EnterpriseContact)
            await ToApplicantAsync(db, e, $"closed:{e.Status}", NoticeKeys.CaseClosed,
                e.Status == CaseStatus.Rejected ? "申请未予受理" : "申请已撤回", reason, ct);
        if (e.Status == CaseStatus.Withdrawn)
            await ToAgentAsync(db, e, "withdrawn", "企业撤回了申请", $"企业撤回申请：{reason}", ct);
    }

    private async Task IssueRaisedAsync(DaibanDbContext db, IssueRaised e, CancellationToken ct)
    {
        var issue = e.Issue;
        var caseNumber = await db.Cases.AsNoTracking().Where(c => c.Id == issue.CaseId).Select(c => c.CaseNumber)
            .SingleAsync(ct);
        // The issue has no id before this save: its case, moment and liaison identify it.
        var key = $"issue:c{issue.CaseId}:{e.At.ToUnixTimeMilliseconds()}:assigned:s{e.LiaisonId}";
        await db.AddOnceAsync(ToStaff(key, e.LiaisonId, NoticeKeys.IssueAssigned, "新的难点问题待办理",
            new NoticeFields { Subject = issue.Description, CaseNumber = caseNumber, Deadline = issue.Deadline },
            NoticeTarget.None, issue.CaseId, e.At), ct);
    }

    private Task ToApplicantAsync(DaibanDbContext db, CaseEvent e, string what, string template, string title,
        string summary, CancellationToken ct, string? itemName = null,
        NotificationChannel channel = NotificationChannel.Subscribe)
    {
        var c = e.Case;
        if (c.ApplicantContactId is not { } contactId)
            return Task.CompletedTask;
        return db.AddOnceAsync(ToContact($"case:{c.CaseNumber}:{what}", contactId, template, title,
            new NoticeFields { CaseNumber = c.CaseNumber, ItemName = itemName, Summary = summary, At = e.At },
            NoticeTarget.EnterpriseCase(c.Id), c.Id, e.At, channel), ct);
    }

    private Task ToAgentAsync(DaibanDbContext db, CaseEvent e, string what, string title, string summary,
        CancellationToken ct)
    {
        var c = e.Case;
        if (c.AgentId is not { } agentId)
            return Task.CompletedTask;
        return db.AddOnceAsync(ToStaff($"case:{c.CaseNumber}:{what}:agent", agentId, NoticeKeys.CaseUpdate, title,
            new NoticeFields { CaseNumber = c.CaseNumber, Summary = summary, At = e.At },
            NoticeTarget.AgentCase(c.Id), c.Id, e.At), ct);
    }
}
