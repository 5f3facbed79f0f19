using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Enterprises;

public sealed class EnterpriseContactTests
{
    private static Enterprise NewEnterprise() => new("乳山市海达新材料有限公司", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), Monday);

    [Fact]
    public void AddContact_StartsPending_AndCannotActUntilConfirmed()
    {
        var contact = NewEnterprise().AddContact("孙海", "13806310001", "oOpenId1", Monday);

        Assert.False(contact.CanActForEnterprise);
        contact.Confirm(Clerk, ContactEvidence.LegalRepresentative, null, Monday);
        Assert.True(contact.CanActForEnterprise);
        Assert.Equal(Clerk.Name, contact.ConfirmedBy);
    }

    [Fact]
    public void AddContact_SameOpenIdTwice_ReturnsTheSameContact()
    {
        var e = NewEnterprise();

        var first = e.AddContact("孙海", "13806310001", "oOpenId1", Monday);
        var second = e.AddContact("孙海", "13806310001", "oOpenId1", Monday);

        Assert.Same(first, second);
        Assert.Single(e.Contacts);
    }

    [Theory]
    [InlineData("1380631000")]
    [InlineData("23806310001")]
    [InlineData("1380631000a")]
    public void AddContact_RefusesMalformedPhone(string phone) =>
        Assert.Throws<DomainRuleException>(() => NewEnterprise().AddContact("孙海", phone, null, Monday));

    [Fact]
    public void Confirm_RefusedAfterRevocation()
    {
        var contact = NewEnterprise().AddContact("孙海", null, null, Monday);
        contact.RevokeByWindow(Clerk, "已离职", Monday);

        Assert.Throws<DomainRuleException>(() => contact.Confirm(Clerk, ContactEvidence.InPersonAtWindow, null,
            Monday));
    }

    [Fact]
    public void RevokeByColleague_RefusesAContactConfirmedEarlier_ButTheWindowMay()
    {
        var e = NewEnterprise();
        var first = e.AddContact("孙海", null, "oFirst", Monday);
        var later = e.AddContact("李工", null, "oLater", Monday);
        first.Confirm(Clerk, ContactEvidence.InPersonAtWindow, null, Monday);
        later.Confirm(Clerk, ContactEvidence.LegalRepresentative, null, Monday.AddDays(1));

        var refused = Assert.Throws<DomainRuleException>(() => first.RevokeByColleague(later, Monday.AddDays(2)));

        Assert.Equal("contact.revoke_senior", refused.Code);
        Assert.True(first.CanActForEnterprise);
        Assert.True(later.RevokeByColleague(first, Monday.AddDays(2)));
        Assert.True(first.RevokeByWindow(Clerk, "已离职", Monday.AddDays(3)));
        Assert.Equal(ContactStatus.Revoked, first.Status);
    }

    [Fact]
    public void Confirm_RecordsWhoAndOnWhatEvidence_AndALetterMustExistToRelyOnIt()
    {
        var contact = NewEnterprise().AddContact("孙海", null, "oOpenId1", Monday);

        Assert.Throws<DomainRuleException>(() => contact.Confirm(Clerk, ContactEvidence.AuthorizationLetter, null,
            Monday));
        contact.AttachAuthorizationLetter("upload:contacts/1/abc.pdf", Monday);
        Assert.True(contact.Confirm(Clerk, ContactEvidence.AuthorizationLetter, "盖章一致", Monday));

        Assert.Equal((ContactEvidence.AuthorizationLetter, "盖章一致", Clerk.Name, ActorKind.Staff, Clerk.Id),
            (contact.Evidence, contact.EvidenceNote, contact.ConfirmedBy, contact.ConfirmedByKind,
                contact.ConfirmedById));
        Assert.False(contact.Confirm(Clerk, ContactEvidence.InPersonAtWindow, null, Monday));
    }
}
