using Daiban.Core.Common;

namespace Daiban.Core.Cases;

public sealed partial class Case
{
    /// <summary>
    /// Paper materials mailed to the agent, free of charge, by the enterprise (or recorded by the agent for it).
    /// False when this tracking number is already recorded: a retried submission changes nothing.
    /// </summary>
    public bool MailMaterialsIn(string contents, string carrier, string trackingNumber, Actor by, DateTimeOffset now) =>
        Mail(ParcelDirection.ToService, contents, carrier, trackingNumber, by, now);

    /// <summary>Originals (or other papers) mailed back to the enterprise by the agent, free of charge.</summary>
    public bool MailPapersBack(string contents, string carrier, string trackingNumber, Actor agent, DateTimeOffset now)
    {
        EnsureAgent(agent);
        return Mail(ParcelDirection.ToEnterprise, contents, carrier, trackingNumber, agent, now);
    }

    /// <summary>The receiving side confirms a parcel arrived: staff for materials mailed in, the enterprise for papers mailed back.</summary>
    public bool ConfirmParcelReceived(long parcelId, Actor by, DateTimeOffset now)
    {
        var parcel = _parcels.FirstOrDefault(p => p.Id == parcelId)
                     ?? throw DomainRuleException.Invalid("parcel.not_found", "本案件中没有这个邮件。");
        var receiver = parcel.Direction == ParcelDirection.ToService ? ActorKind.Staff : ActorKind.EnterpriseContact;
        if (by.Kind != receiver)
            throw new DomainRuleException("parcel.wrong_side", parcel.Direction == ParcelDirection.ToService
                ? "企业寄来的材料由代办员确认收到。"
                : "寄回企业的材料由企业确认签收。");
        if (!parcel.ConfirmReceived(by.Name, now))
            return false;
        Write(LogKind.Work, parcel.Direction == ParcelDirection.ToService
            ? $"已收到企业寄来的材料（{parcel.Carrier} {parcel.TrackingNumber}）：{parcel.Contents}"
            : $"企业已签收寄回的材料（{parcel.Carrier} {parcel.TrackingNumber}）", by, now, visibleToEnterprise: true);
        return true;
    }

    private bool Mail(ParcelDirection direction, string contents, string carrier, string trackingNumber, Actor by, DateTimeOffset now)
    {
        EnsureOpen();
        if (!AcceptsMail)
            throw new DomainRuleException("parcel.not_registered", "申请尚未登记，请待综合窗口登记、指派代办员后再寄送材料。");
        var tracking = Guard.Required(trackingNumber, "运单号", 64);
        if (!tracking.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw DomainRuleException.Invalid("parcel.tracking_number", "运单号只能由字母、数字和短横线组成。");
        if (_parcels.Any(p => p.Direction == direction && p.TrackingNumber == tracking))
            return false;
        var parcel = new Parcel(direction, Guard.Required(contents, "邮寄材料清单", 1000), Guard.Required(carrier, "快递公司", 32), tracking, by.Name, now);
        _parcels.Add(parcel);
        Write(LogKind.Work, direction == ParcelDirection.ToService
            ? $"企业寄出材料（免费邮寄，{parcel.Carrier} {tracking}）：{parcel.Contents}"
            : $"代办员寄回材料（免费邮寄，{parcel.Carrier} {tracking}）：{parcel.Contents}", by, now, visibleToEnterprise: true);
        _events.Record(new ParcelMailed(this, parcel, now));
        return true;
    }
}
