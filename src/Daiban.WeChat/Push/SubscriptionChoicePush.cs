using System.Text.Json;
using System.Xml;
using Daiban.Core.Inbound;
using Daiban.Core.Notifications;

namespace Daiban.WeChat.Push;

/// <summary>
/// A subscription popup or settings-change push: its only work is a quota per user and template. On the embedded
/// database that work is done in the transaction recording the push (<see cref="InboundWriteGate.WorksChoicesWhileRecording"/>);
/// otherwise, or when stored unworked, the processor does it. Read here for both.
/// </summary>
public static class SubscriptionChoicePush
{
    public static bool Is(string msgType, string? eventName) =>
        msgType == "event" && eventName is "subscribe_msg_popup_event" or "subscribe_msg_change_event";

    /// <summary>
    /// Reads the push's choices and marks it processed with a summary of them; the caller applies the choices
    /// (<see cref="SubscriptionConsent.PushedAsync"/>) in the unit of work that saves the push.
    /// </summary>
    /// <exception cref="FormatException">The item list cannot be read; the push is left as it was.</exception>
    public static IReadOnlyList<SubscriptionConsent.PushedChoice> Work(InboundMessage push, IReadOnlyDictionary<string, string> fields, DateTimeOffset now)
    {
        var raw = fields.GetValueOrDefault("SubscribeMsgPopupEvent") ?? fields.GetValueOrDefault("SubscribeMsgChangeEvent");
        List<SubscriptionConsent.PushedChoice> choices;
        try
        {
            choices = SubscriptionEvents.Parse(raw).Select(c => new SubscriptionConsent.PushedChoice(push.FromUser, c.TemplateId, c.Accepted)).ToList();
        }
        catch (Exception e) when (e is XmlException or JsonException or InvalidOperationException)
        {
            throw new FormatException("Unreadable subscription list.", e);
        }
        push.MarkProcessed($"subscriptions {choices.Count(c => c.Accepted)} accepted, {choices.Count(c => !c.Accepted)} rejected", now);
        return choices;
    }
}
