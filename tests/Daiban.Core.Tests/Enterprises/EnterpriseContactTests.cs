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
        contact.Confirm(Clerk, Monday);
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
        contact.Revoke();

        Assert.Throws<DomainRuleException>(() => contact.Confirm(Clerk, Monday));
    }
}
