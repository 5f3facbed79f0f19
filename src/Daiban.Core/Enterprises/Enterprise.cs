using Daiban.Core.Common;

namespace Daiban.Core.Enterprises;

/// <summary>A project's construction unit (建设单位), identified by its 统一社会信用代码.</summary>
public sealed class Enterprise
{
    private readonly List<EnterpriseContact> _contacts = [];

    private Enterprise() { }

    public Enterprise(string name, UnifiedSocialCreditCode creditCode, DateTimeOffset now)
    {
        Name = Guard.Required(name, "企业名称", 128);
        CreditCode = creditCode;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public UnifiedSocialCreditCode CreditCode { get; private set; }
    public string? Address { get; private set; }
    public string? LegalRepresentative { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<EnterpriseContact> Contacts => _contacts;

    public void UpdateDetails(string name, string? address, string? legalRepresentative)
    {
        Name = Guard.Required(name, "企业名称", 128);
        Address = Guard.Optional(address, "企业地址", 256);
        LegalRepresentative = Guard.Optional(legalRepresentative, "法定代表人", 32);
    }

    /// <summary>A person asks to act for the enterprise; the contact stays pending until confirmed.</summary>
    public EnterpriseContact AddContact(string name, string? phone, string? miniProgramOpenId, DateTimeOffset now)
    {
        if (miniProgramOpenId is not null)
        {
            var existing = _contacts.FirstOrDefault(c => c.MiniProgramOpenId == miniProgramOpenId);
            if (existing is not null)
            {
                existing.AskAgain();
                return existing;
            }
        }
        var contact = new EnterpriseContact(this, name, phone, miniProgramOpenId, now);
        _contacts.Add(contact);
        return contact;
    }
}
