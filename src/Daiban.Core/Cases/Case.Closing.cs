using Daiban.Core.Calendar;
using Daiban.Core.Common;

namespace Daiban.Core.Cases;

public sealed partial class Case
{
    /// <summary>Every item has a decision; results wait for 统一送达.</summary>
    public bool MarkResultsReady(Actor agent, DateTimeOffset now)
    {
        EnsureAgent(agent);
        if (Status == CaseStatus.ResultsReady)
            return false;
        // The state comes first: "not started yet" says more than "items still open".
        CaseStatuses.Table.Ensure(Status, CaseStatus.ResultsReady);
        var open = _items.Where(i => i.Status.IsOpen()).Select(i => i.ItemName).ToList();
        if (open.Count > 0)
            throw new DomainRuleException("case.items_open", $"还有事项未办结：{string.Join("、", open)}。");
        MoveTo(CaseStatus.ResultsReady, agent, now, "全部事项已办结");
        ResultsReadyAt = now;
        _events.Record(new ResultsReady(this, now));
        return true;
    }

    /// <summary>当面递交: the client signs the 办结单 and the service ends.</summary>
    public bool DeliverInPerson(string documents, string signedBy, string? signatureReference, Actor agent, DateTimeOffset now)
    {
        EnsureAgent(agent);
        if (Status == CaseStatus.Delivered && Delivery?.Method == DeliveryMethod.InPerson)
            return false;
        EnsureNoDeliveryYet();
        var delivery = Delivery.InPerson(Guard.Required(documents, "送达材料清单", 1000), Guard.Required(signedBy, "签收人", 32),
            Guard.Optional(signatureReference, "签名", 256), agent.Name, now);
        MoveTo(CaseStatus.Delivered, agent, now, $"当面送达，{delivery.SignedByName}签收办结单");
        Delivery = delivery;
        DeliveredAt = now;
        return true;
    }

    /// <summary>邮寄送达: the mailing is recorded; the service ends when the applicant confirms receipt.</summary>
    public bool MailResults(string documents, string carrier, string trackingNumber, Actor agent, DateTimeOffset now)
    {
        EnsureAgent(agent);
        var tracking = Guard.Required(trackingNumber, "快递单号", 64);
        if (Delivery is { Method: DeliveryMethod.Mail } existing && existing.TrackingNumber == tracking)
            return false;
        EnsureNoDeliveryYet();
        Delivery = Delivery.ByMail(Guard.Required(documents, "送达材料清单", 1000), Guard.Required(carrier, "快递公司", 32), tracking, agent.Name, now);
        Write(LogKind.Milestone, $"办理结果已由{Delivery.Carrier}寄出，单号{tracking}，请签收后在小程序确认。", agent, now, visibleToEnterprise: true);
        _events.Record(new ResultsMailed(this, now));
        return true;
    }

    /// <summary>The applicant confirms receipt of mailed results; this ends the service.</summary>
    public bool ConfirmReceipt(string signedBy, string? signatureReference, Actor by, DateTimeOffset now)
    {
        if (Delivery is null || Delivery.Method != DeliveryMethod.Mail)
            throw new DomainRuleException("delivery.not_mailed", "办理结果尚未寄出，暂不能确认签收。");
        if (Delivery.IsReceiptSigned)
            return false;
        var name = Guard.Required(signedBy, "签收人", 32);
        MoveTo(CaseStatus.Delivered, by, now, $"{name}确认签收邮寄的办理结果");
        Delivery.ConfirmReceipt(by.Kind == ActorKind.EnterpriseContact ? by.Id : null, name, Guard.Optional(signatureReference, "签名", 256), now);
        DeliveredAt = now;
        _events.Record(new ReceiptConfirmed(this, now));
        return true;
    }

    /// <summary>
    /// The enterprise's evaluation (事后评价), once per case, within <paramref name="windowWorkingDays"/> working
    /// days of delivery, attributed to the agent who owned the case at delivery.
    /// </summary>
    public bool Evaluate(EvaluationForm form, BusinessCalendar calendar, int windowWorkingDays, Actor contact, DateTimeOffset now)
    {
        form.Validate();
        if (Evaluation is not null)
        {
            if (Evaluation.Matches(form))
                return false;
            throw new DomainRuleException("evaluation.duplicate", "该案件已评价，每个案件只能评价一次。");
        }
        form.EnsureReasonForBadReview();
        if (Status != CaseStatus.Delivered || DeliveredAt is null)
            throw new DomainRuleException("evaluation.not_delivered", "办理结果送达并签收后才能评价。");
        var deadline = calendar.AddWorkingDays(ChinaTime.DateOf(DeliveredAt.Value), windowWorkingDays);
        if (ChinaTime.DateOf(now) > deadline)
            throw new DomainRuleException("evaluation.window_closed", $"评价期已于{deadline:yyyy-MM-dd}结束，如有意见请联系综合窗口。");
        Evaluation = new Evaluation(form, contact.Kind == ActorKind.EnterpriseContact ? contact.Id : null, AgentId, now);
        MoveTo(CaseStatus.Evaluated, contact, now, $"企业评价：{form.Overall.Name()}");
        return true;
    }

    /// <summary>Closes the case into its immutable archive.</summary>
    public bool Archive(CaseArchive archive, Actor by, DateTimeOffset now)
    {
        if (Status == CaseStatus.Archived)
            return false;
        if (archive.CaseId != Id)
            throw new InvalidOperationException("The archive was compiled for another case.");
        MoveTo(CaseStatus.Archived, by, now, "资料整理归档");
        ClosedAt = now;
        _assignments.LastOrDefault(a => a.EndedAt is null)?.End(now);
        return true;
    }

    private void EnsureNoDeliveryYet()
    {
        if (Delivery is not null)
            throw new DomainRuleException("delivery.exists", "办理结果已送达或已寄出，不能重复送达。");
        if (Status != CaseStatus.ResultsReady)
            throw new DomainRuleException("delivery.not_ready", $"案件当前状态为“{Status.Name()}”，全部事项办结后才能送达。");
    }
}
