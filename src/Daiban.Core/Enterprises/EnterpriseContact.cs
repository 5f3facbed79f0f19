using Daiban.Core.Common;

namespace Daiban.Core.Enterprises;

public enum ContactStatus
{
    /// <summary>Asked to act for the enterprise; sees none of its cases yet.</summary>
    Pending,
    Confirmed,
    Revoked,
}

/// <summary>
/// A person acting for an enterprise (企业联系人). Knowing an enterprise's credit code grants nothing: the first
/// contact is confirmed by the window at registration, later ones by a confirmed contact or the window.
/// </summary>
public sealed class EnterpriseContact
{
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

    public bool CanActForEnterprise => Status == ContactStatus.Confirmed;

    public void Confirm(Actor by, DateTimeOffset now)
    {
        if (Status == ContactStatus.Confirmed)
            return;
        if (Status == ContactStatus.Revoked)
            throw new DomainRuleException("contact.revoked", "该联系人已被取消授权，请重新提交绑定申请。");
        Status = ContactStatus.Confirmed;
        ConfirmedAt = now;
        ConfirmedBy = by.Name;
    }

    public void Revoke()
    {
        Status = ContactStatus.Revoked;
    }

    /// <summary>
    /// A later contact is vouched for by one the enterprise already trusts (or by the window, through
    /// <see cref="Confirm"/>): only a confirmed contact of the same enterprise may confirm or revoke another.
    /// </summary>
    public void ConfirmByColleague(EnterpriseContact colleague, DateTimeOffset now)
    {
        EnsureColleague(colleague);
        Confirm(Actor.Contact(colleague.Id, colleague.Name), now);
    }

    public void RevokeByColleague(EnterpriseContact colleague)
    {
        EnsureColleague(colleague);
        if (colleague.Id == Id)
            throw new DomainRuleException("contact.revoke_self", "不能取消自己的授权；如需解绑请联系综合窗口。");
        Revoke();
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
            throw DomainRuleException.Invalid("contact.phone_invalid", "手机号码应为11位数字，请核对后重新填写。");
        return p;
    }
}
