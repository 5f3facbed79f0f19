using Daiban.Core.Cases;
using Daiban.Core.Common;
using static Daiban.Testing.CaseBuilder;

namespace Daiban.Core.Tests.Cases;

/// <summary>二.4(1) 双向免费邮寄: materials mailed in by the enterprise, papers mailed back by the agent.</summary>
public sealed class CaseMailTests
{
    [Fact]
    public void MaterialsMailedIn_AreRecordedOncePerTrackingNumber_AndShownToTheEnterprise()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.InProgress);

        Assert.True(c.MailMaterialsIn("施工合同原件；图审合格书", "顺丰速运", "SF1234567890", Contact, Monday));
        Assert.False(c.MailMaterialsIn("施工合同原件；图审合格书", "顺丰速运", "SF1234567890", Contact, Monday));

        var parcel = Assert.Single(c.Parcels);
        Assert.Equal(ParcelDirection.ToService, parcel.Direction);
        Assert.Equal("孙海", parcel.SentBy);
        Assert.Null(parcel.ReceivedAt);
        var line = c.Log[^1];
        Assert.True(line.VisibleToEnterprise);
        Assert.Contains("SF1234567890", line.Content);
        Assert.Contains("施工合同原件", line.Content);
    }

    [Fact]
    public void OnlyTheReceivingSide_ConfirmsArrival_Once()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.InProgress);
        c.MailMaterialsIn("施工合同原件", "顺丰速运", "SF1234567890", Contact, Monday);
        var parcel = c.Parcels[0];

        var error = Assert.Throws<DomainRuleException>(() => c.ConfirmParcelReceived(parcel.Id, Contact, Monday));
        Assert.True(c.ConfirmParcelReceived(parcel.Id, Agent, Monday.AddDays(1)));
        Assert.False(c.ConfirmParcelReceived(parcel.Id, Agent, Monday.AddDays(2)));

        Assert.Equal("parcel.wrong_side", error.Code);
        Assert.Equal("李强", parcel.ReceivedBy);
        Assert.Equal(Monday.AddDays(1), parcel.ReceivedAt);
    }

    [Fact]
    public void PapersMailedBack_AreTheAgents_AndTheEnterpriseSignsForThem()
    {
        var c = InState(ServiceMode.Agency, CaseStatus.InProgress);

        var byEnterprise = Assert.Throws<DomainRuleException>(() => c.MailPapersBack("土地证原件", "邮政EMS", "EMS001", Contact, Monday));
        Assert.True(c.MailPapersBack("土地证原件", "邮政EMS", "EMS001", Agent, Monday));
        var byAgent = Assert.Throws<DomainRuleException>(() => c.ConfirmParcelReceived(c.Parcels[0].Id, Agent, Monday));
        Assert.True(c.ConfirmParcelReceived(c.Parcels[0].Id, Contact, Monday.AddDays(1)));

        Assert.Equal("case.staff_only", byEnterprise.Code);
        Assert.Equal("parcel.wrong_side", byAgent.Code);
        Assert.Equal(ParcelDirection.ToEnterprise, c.Parcels[0].Direction);
        Assert.Equal("孙海", c.Parcels[0].ReceivedBy);
    }

    [Theory]
    [InlineData("SF 1234", "parcel.tracking_number")]
    [InlineData("顺丰1234", "parcel.tracking_number")]
    [InlineData("", "required")]
    public void ATrackingNumberThatCannotBeOne_IsRefused_AndNothingIsRecorded(string tracking, string code)
    {
        var c = InState(ServiceMode.Agency, CaseStatus.InProgress);

        var error = Assert.Throws<DomainRuleException>(() => c.MailMaterialsIn("施工合同原件", "顺丰速运", tracking, Contact, Monday));

        Assert.Contains(code, error.Code);
        Assert.Empty(c.Parcels);
    }

    [Theory]
    [InlineData(CaseStatus.Submitted, "parcel.not_registered")]
    [InlineData(CaseStatus.Archived, "case.closed")]
    public void NothingIsMailed_BeforeRegistration_OrAfterTheCaseIsClosed(CaseStatus status, string code)
    {
        var c = InState(ServiceMode.Agency, status);

        var error = Assert.Throws<DomainRuleException>(() => c.MailMaterialsIn("施工合同原件", "顺丰速运", "SF1", Contact, Monday));

        Assert.Equal(code, error.Code);
        Assert.Empty(c.Parcels);
    }
}
