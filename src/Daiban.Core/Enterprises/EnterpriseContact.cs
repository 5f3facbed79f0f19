using Daiban.Core.Common;

namespace Daiban.Core.Enterprises;

public enum ContactStatus
{
    /// <summary>Asked to act for the enterprise; sees only the applications it submitted itself.</summary>
    Pending,
    Confirmed,
    Revoked,
    /// <summary>The window or a colleague declined it (with a reason); binding again asks anew.</summary>
    Refused,
}

/// <summary>What the confirmation of a contact rests on: the record the review asked for.</summary>
public enum ContactEvidence
{
    /// <summary>授权委托书 uploaded by the person and checked by the window.</summary>
    AuthorizationLetter,
    /// <summary>法定代表人确认 (e.g. the window phoned the legal representative).</summary>
    LegalRepresentative,
    /// <summary>窗口当面核验: the clerk met the person with the business licence.</summary>
    InPersonAtWindow,
    /// <summary>本企业已确认的联系人确认.</summary>
    Colleague,
}

public static class ContactEvidenceNames
{
    public static string Name(this ContactEvidence e) => e switch
    {
        ContactEvidence.AuthorizationLetter => "授权委托书",
        ContactEvidence.LegalRepresentative => "法定代表人确认",
        ContactEvidence.InPersonAtWindow => "窗口当面核验",
        _ => "本企业联系人确认",
    };

    public static string Name(this ContactStatus s) => s switch
    {
        ContactStatus.Confirmed => "已确认",
        ContactStatus.Pending => "待窗口确认",
        ContactStatus.Refused => "不予确认",
        _ => "已取消",
    };
}

/// <summary>
/// A person acting for an enterprise (企业联系人). Knowing an enterprise's credit code grants nothing, and neither
/// does the registration of an application: a contact is confirmed explicitly, by the window on evidence it can see
/// (verified WeChat phone, name, 授权委托书 or the legal representative's word) or by a colleague already confirmed,
/// and the confirmation records who made it, when and on what evidence.
/// </summary>
public sealed class EnterpriseContact : IRecordsEvents
{
    private readonly EventLog _events = new();

    private EnterpriseContact() { }

    internal EnterpriseContact(Enterprise enterprise, string name, string? phone, string? miniProgramOpenId, DateTimeOffset now)
    {
        Enterprise = enterprise;
        Name = Guard.Required(name, "联系人姓名", 32);
        Phone = ValidatePhone(phone);
        MiniProgramOpenId = Guard.Optional(miniProgramOpenId, "openid", 64);
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long EnterpriseId { get; private set; }
    public Enterprise Enterprise { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? MiniProgramOpenId { get; private set; }
    public ContactStatus Status { get; private set; } = ContactStatus.Pending;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? ConfirmedBy { get; private set; }
    public ActorKind? ConfirmedByKind { get; private set; }
    public long? ConfirmedById { get; private set; }
    public ContactEvidence? Evidence { get; private set; }
    public string? EvidenceNote { get; private set; }
    /// <summary>Storage key of the 授权委托书 the person uploaded, if any.</summary>
    public string? AuthorizationLetter { get; private set; }
    public DateTimeOffset? AuthorizationLetterAt { get; private set; }
    /// <summary>Why the window or a colleague refused or revoked it, told to the person.</summary>
    public string? ClosingReason { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool CanActForEnterprise => Status == ContactStatus.Confirmed;

    /// <summary>The phone came from WeChat's phone verification (a mini-program user's bound phone), not typed in.</summary>
    public bool PhoneVerified => MiniProgramOpenId is not null && Phone is not null;

    /// <summary>What the window still needs before it can confirm, in words for the person (empty once confirmed).</summary>
    public IReadOnlyList<string> StillNeeded()
    {
        if (Status != ContactStatus.Pending)
            return [];
        var needed = new List<string>();
        if (!PhoneVerified)
            needed.Add("验证微信绑定的手机号");
        if (AuthorizationLetter is null)
            needed.Add("上传加盖企业公章的授权委托书（或请法定代表人联系综合窗口确认）");
        return needed;
    }

    /// <returns>False when it was already confirmed (a repeat changes nothing).</returns>
    public bool Confirm(Actor by, ContactEvidence evidence, string? note, DateTimeOffset now)
    {
        if (Status == ContactStatus.Confirmed)
            return false;
        if (Status == ContactStatus.Revoked)
            throw new DomainRuleException("contact.revoked", "该联系人已被取消授权，请重新提交绑定申请。");
        if (evidence == ContactEvidence.AuthorizationLetter && AuthorizationLetter is null)
            throw DomainRuleException.Invalid("contact.letter_missing", "该联系人尚未上传授权委托书，请选择其他核验方式或等待其上传。");
        Status = ContactStatus.Confirmed;
        ConfirmedAt = now;
        ConfirmedBy = by.Name;
        ConfirmedByKind = by.Kind;
        ConfirmedById = by.Id;
        Evidence = evidence;
        EvidenceNote = Guard.Optional(note, "核验说明", 256);
        ClosingReason = null;
        _events.Record(new ContactDecided(this, ContactStatus.Confirmed, false, now));
        return true;
    }

    /// <summary>The window (or a colleague) declines a pending contact; it still sees its own applications.</summary>
    public bool Refuse(Actor by, string reason, DateTimeOffset now)
    {
        if (Status == ContactStatus.Refused)
            return false;
        if (Status != ContactStatus.Pending)
            throw new DomainRuleException("contact.not_pending", "只能对待确认的联系人作出不予确认。");
        Close(ContactStatus.Refused, by, reason, now);
        _events.Record(new ContactDecided(this, ContactStatus.Refused, false, now));
        return true;
    }

    /// <summary>The window withdraws any contact's authority, with a reason.</summary>
    public bool RevokeByWindow(Actor clerk, string reason, DateTimeOffset now)
    {
        if (Status == ContactStatus.Revoked)
            return false;
        Close(ContactStatus.Revoked, clerk, reason, now);
        _events.Record(new ContactDecided(this, ContactStatus.Revoked, false, now));
        return true;
    }

    /// <summary>
    /// A later contact is vouched for by one the enterprise already trusts (or by the window, through
    /// <see cref="Confirm"/>): only a confirmed contact of the same enterprise may confirm or revoke another.
    /// </summary>
    public bool ConfirmByColleague(EnterpriseContact colleague, DateTimeOffset now)
    {
        EnsureColleague(colleague);
        return Confirm(Actor.Contact(colleague.Id, colleague.Name), ContactEvidence.Colleague, null, now);
    }

    /// <summary>
    /// A colleague may revoke a pending contact or one confirmed after itself, never one confirmed before it:
    /// otherwise whoever got in last could lock the enterprise's real contact out. That takes the window.
    /// </summary>
    public bool RevokeByColleague(EnterpriseContact colleague, DateTimeOffset now)
    {
        EnsureColleague(colleague);
        if (ReferenceEquals(colleague, this) || (Id != 0 && colleague.Id == Id))
            throw new DomainRuleException("contact.revoke_self", "不能取消自己的授权；如需解绑请联系综合窗口。");
        if (Status == ContactStatus.Revoked)
            return false;
        if (Status == ContactStatus.Confirmed && ConfirmedEarlierThan(colleague))
            throw new DomainRuleException("contact.revoke_senior", "该联系人比您更早获得确认，只能由综合窗口核实后取消其授权。");
        Close(ContactStatus.Revoked, Actor.Contact(colleague.Id, colleague.Name), "本企业联系人取消授权", now);
        _events.Record(new ContactDecided(this, ContactStatus.Revoked, true, now));
        return true;
    }

    public IReadOnlyList<IDomainEvent> TakeEvents() => _events.Take();

    /// <summary>A person who was refused asks again (e.g. with the letter now uploaded).</summary>
    internal void AskAgain()
    {
        if (Status == ContactStatus.Refused)
            Status = ContactStatus.Pending;
    }

    public void AttachAuthorizationLetter(string reference, DateTimeOffset now)
    {
        if (Status is not (ContactStatus.Pending or ContactStatus.Refused))
            throw new DomainRuleException("contact.letter_not_needed", "您的绑定已处理，无需再上传授权委托书。");
        AuthorizationLetter = Guard.Required(reference, "授权委托书", 128);
        AuthorizationLetterAt = now;
        AskAgain();
    }

    private bool ConfirmedEarlierThan(EnterpriseContact other) =>
        ConfirmedAt < other.ConfirmedAt || (ConfirmedAt == other.ConfirmedAt && Id < other.Id);

    private void Close(ContactStatus status, Actor by, string reason, DateTimeOffset now)
    {
        ClosingReason = Guard.Required(reason, "原因", 256);
        ClosedBy = by.Name;
        ClosedAt = now;
        Status = status;
    }

    private void EnsureColleague(EnterpriseContact colleague)
    {
        if (!colleague.CanActForEnterprise || colleague.EnterpriseId != EnterpriseId)
            throw new DomainRuleException("contact.not_colleague", "只有本企业已确认的联系人才能确认或取消其他联系人。");
    }

    public void ChangePhone(string? phone) => Phone = ValidatePhone(phone);

    private static string? ValidatePhone(string? phone)
    {
        var p = Guard.Optional(phone, "手机号码", 20);
        if (p is null)
            return null;
        if (p.Length != 11 || p[0] != '1' || !p.All(char.IsAsciiDigit))
            throw DomainRuleException.InvalidField("contact.phone_invalid", "手机号码",
                "手机号码应为11位数字，请核对后重新填写。");
        return p;
    }
}

/// <summary>A contact confirmed, refused or revoked (<paramref name="ByColleague"/>: by one of its enterprise).</summary>
public sealed record ContactDecided(EnterpriseContact Contact, ContactStatus Status, bool ByColleague, DateTimeOffset At)
    : IDomainEvent;
