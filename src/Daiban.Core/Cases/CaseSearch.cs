using System.Text.RegularExpressions;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;
using Daiban.Core.Search;
using Daiban.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Cases;

/// <summary>One row of the staff case list: whose case it is (enterprise, project, contact) and where it stands.</summary>
public sealed record CaseListRow(long Id, string CaseNumber, ServiceMode Mode, CaseStatus Status, long? AgentId,
    string? AgentName, DateTimeOffset SubmittedAt, DateOnly? NextDueOn, string EnterpriseName, string ProjectName,
    string? ContactName, DateTimeOffset? RegisteredAt = null);

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
    /// <summary>At most this many enterprises, projects or contacts are looked up by their ids.</summary>
    private const int OwnersByIds = 500;

    /// <summary>
    /// What the text can be: a case number (or part of one) is letters, digits and dashes, a phone number is 11
    /// digits, anything else is a name. Each is looked up only where it can be: a number search never reads the
    /// names, and a name search finds the names by their pieces (<see cref="NameTerms"/>), then the cases of those
    /// names through their indexes.
    /// </summary>
    private static async Task<IQueryable<Case>> MatchingAsync(DaibanDbContext db, IQueryable<Case> cases,
        string text, CancellationToken ct)
    {
        if (PhoneNumber().IsMatch(text))
        {
            // No part of DByyyyMMdd-nnnnnn is 11 digits long: a phone number is only ever a contact's.
            var phoneOwners = db.EnterpriseContacts.Where(k => k.Phone == text).Select(k => (long?)k.Id);
            return cases.Where(c => phoneOwners.Contains(c.ApplicantContactId));
        }
        if (CaseNumberPart().IsMatch(text))
        {
            // A number read out from the start ("DB2026…") is a range of the case-number index, not a scan of it.
            var number = text.ToUpperInvariant();
            return number.StartsWith("DB", StringComparison.Ordinal)
                ? cases.Where(c => c.CaseNumber.StartsWith(number))
                : cases.Where(c => c.CaseNumber.Contains(number));
        }
        var terms = NameTerms.Of(text);
        var enterprises = db.Enterprises.Where(e => e.Name.Contains(text));
        var projects = db.Projects.Where(p => p.Name.Contains(text));
        var contacts = db.EnterpriseContacts.Where(k => k.Name.Contains(text));
        if (terms.Count > 0)
        {
            var enterprisesHolding = Holding<EnterpriseNameTerm, Enterprise>(db.EnterpriseNameTerms, terms);
            var projectsHolding = Holding<ProjectNameTerm, Project>(db.ProjectNameTerms, terms);
            var contactsHolding = Holding<ContactNameTerm, EnterpriseContact>(db.ContactNameTerms, terms);
            enterprises = enterprises.Where(e => enterprisesHolding.Contains(e.Id));
            projects = projects.Where(p => projectsHolding.Contains(p.Id));
            contacts = contacts.Where(k => contactsHolding.Contains(k.Id));
        }
        var enterpriseIds = await FewAsync(enterprises.Select(e => e.Id), ct);
        var projectIds = await FewAsync(projects.Select(p => p.Id), ct);
        var contactIds = await FewAsync(contacts.Select(k => (long?)k.Id), ct);
        if (enterpriseIds is null || projectIds is null || contactIds is null)
            return cases.Where(c => enterprises.Select(e => e.Id).Contains(c.EnterpriseId)
                || projects.Select(p => p.Id).Contains(c.ProjectId)
                || contacts.Select(k => (long?)k.Id).Contains(c.ApplicantContactId));
        // As constants, so each list is an IN on its own index and the database can merge the three.
        return cases.Where(c => EF.Constant(enterpriseIds).Contains(c.EnterpriseId)
            || EF.Constant(projectIds).Contains(c.ProjectId)
            || EF.Constant(contactIds).Contains(c.ApplicantContactId));
    }

    /// <summary>The owners holding every piece of the text: candidates, still to be compared whole.</summary>
    private static IQueryable<long> Holding<TTerm, TOwner>(IQueryable<TTerm> pieces, IReadOnlyList<string> terms)
        where TTerm : NameTerm<TOwner> where TOwner : class =>
        pieces.Where(t => EF.Constant(terms).Contains(t.Term))
            .GroupBy(t => t.OwnerId).Where(g => g.Count() == terms.Count).Select(g => g.Key);

    /// <summary>The ids, or null when there are too many to name one by one.</summary>
    private static async Task<List<T>?> FewAsync<T>(IQueryable<T> ids, CancellationToken ct)
    {
        var few = await ids.Take(OwnersByIds + 1).ToListAsync(ct);
        return few.Count > OwnersByIds ? null : few;
    }

    [GeneratedRegex("^1[0-9]{10}$")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex CaseNumberPart();

    public static async Task<Page<CaseListRow>> FindAsync(DaibanDbContext db, StaffPowers who, CaseQuery query,
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
            cases = await MatchingAsync(db, cases, text, ct);
        // Ordered on the entity, before the projection: a constructed row cannot be ordered in SQL. The urgency
        // order walks the (UrgencyDate, Id) index: no running clock sorts last, the longest waiting first.
        return await page.ReadAsync(cases, matches => (query.Sort == CaseSort.Newest
            ? matches.OrderByDescending(c => c.Id)
            : matches.OrderBy(c => c.UrgencyDate).ThenBy(c => c.Id))
            .Select(c => new CaseListRow(c.Id, c.CaseNumber, c.Mode, c.Status, c.AgentId, c.AgentName,
                c.SubmittedAt, c.NextDueOn,
                db.Enterprises.Where(e => e.Id == c.EnterpriseId).Select(e => e.Name).FirstOrDefault() ?? "",
                db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.Name).FirstOrDefault() ?? "",
                db.EnterpriseContacts.Where(k => k.Id == c.ApplicantContactId).Select(k => k.Name).FirstOrDefault(),
                c.RegisteredAt)), ct);
    }
}
