using System.Text.RegularExpressions;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Cases;

/// <summary>One row of the staff case list: whose case it is (enterprise, project, contact) and where it stands.</summary>
public sealed record CaseListRow(long Id, string CaseNumber, ServiceMode Mode, CaseStatus Status, long? AgentId,
    string? AgentName, DateTimeOffset SubmittedAt, DateOnly? NextDueOn, string EnterpriseName, string ProjectName,
    string? ContactName);

public enum CaseSort
{
    /// <summary>The nearest due date first, then the longest waiting: what needs doing first.</summary>
    Urgency,
    Newest,
}

public static class CaseSortNames
{
    public static string Name(this CaseSort sort) => sort switch
    {
        CaseSort.Urgency => "最紧急在前（最近到期，再按等待最久）",
        CaseSort.Newest => "最新在前",
        _ => sort.ToString(),
    };
}

/// <summary>What a staff member looks for.</summary>
/// <param name="Text">Part of the case number, the enterprise's or project's name, the contact's name; or the
/// contact's whole phone number.</param>
/// <param name="Overdue">Only cases with an item past its due date.</param>
public sealed record CaseQuery(CaseStatus? Status = null, string? Text = null, long? AgentId = null,
    bool Overdue = false, CaseSort Sort = CaseSort.Urgency);

/// <summary>
/// The staff case list with its total, so no page is a silent cut-off: an agent sees its own cases, the window,
/// supervision and admins all of them (<see cref="StaffPowers"/>).
/// </summary>
public static partial class CaseSearch
{
    /// <summary>
    /// What the text can be: a case number (or part of one) is letters, digits and dashes, a phone number is 11
    /// digits, anything else is a name. Each is looked up only where it can be, so a name search reads the name
    /// tables once (IN, not a subquery per case) and a number search never reads the names.
    /// </summary>
    private static IQueryable<Case> Matching(DaibanDbContext db, IQueryable<Case> cases, string text)
    {
        if (PhoneNumber().IsMatch(text))
        {
            var phoneOwners = db.EnterpriseContacts.Where(k => k.Phone == text).Select(k => (long?)k.Id);
            return cases.Where(c => c.CaseNumber.Contains(text) || phoneOwners.Contains(c.ApplicantContactId));
        }
        if (CaseNumberPart().IsMatch(text))
            return cases.Where(c => c.CaseNumber.Contains(text));
        var enterprises = db.Enterprises.Where(e => e.Name.Contains(text)).Select(e => e.Id);
        var projects = db.Projects.Where(p => p.Name.Contains(text)).Select(p => p.Id);
        var contacts = db.EnterpriseContacts.Where(k => k.Name.Contains(text)).Select(k => (long?)k.Id);
        return cases.Where(c => enterprises.Contains(c.EnterpriseId) || projects.Contains(c.ProjectId)
            || contacts.Contains(c.ApplicantContactId));
    }

    [GeneratedRegex("^1[0-9]{10}$")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex CaseNumberPart();

    public static Task<Page<CaseListRow>> FindAsync(DaibanDbContext db, StaffPowers who, CaseQuery query,
        PageSpec page, DateOnly today, CancellationToken ct)
    {
        var text = query.Text?.Trim();
        if (text is { Length: > 64 })
            throw DomainRuleException.Invalid("cases.search_text", "搜索内容过长，请输入案件编号、企业、项目或联系人的一部分。");
        var cases = db.Cases.AsNoTracking();
        if (!who.SeesAllCases)
            cases = cases.Where(c => c.AgentId == who.StaffId);
        if (query.Status is { } status)
            cases = cases.Where(c => c.Status == status);
        if (query.AgentId is { } agentId)
            cases = cases.Where(c => c.AgentId == agentId);
        if (query.Overdue)
            cases = cases.Where(c => c.NextDueOn < today);
        if (!string.IsNullOrEmpty(text))
            cases = Matching(db, cases, text);
        // Ordered on the entity, before the projection: a constructed row cannot be ordered in SQL. The urgency
        // order walks the (UrgencyDate, Id) index: no running clock sorts last, the longest waiting first.
        return page.ReadAsync(cases, matches => (query.Sort == CaseSort.Newest
            ? matches.OrderByDescending(c => c.Id)
            : matches.OrderBy(c => c.UrgencyDate).ThenBy(c => c.Id))
            .Select(c => new CaseListRow(c.Id, c.CaseNumber, c.Mode, c.Status, c.AgentId, c.AgentName,
                c.SubmittedAt, c.NextDueOn,
                db.Enterprises.Where(e => e.Id == c.EnterpriseId).Select(e => e.Name).FirstOrDefault() ?? "",
                db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.Name).FirstOrDefault() ?? "",
                db.EnterpriseContacts.Where(k => k.Id == c.ApplicantContactId).Select(k => k.Name).FirstOrDefault())), ct);
    }
}
