using System.Text.Json;
using System.Xml;
using Daiban.Core.Notifications;

namespace Daiban.WeChat.WeChat.Push;

/// <summary>
/// A subscription popup or settings-change push: its only work is a quota per user and template. On the embedded
/// database that work is done in the transaction recording the push (<see cref="InboundWriteGate.WorksChoicesWhileRecording"/>);
/// otherwise, or when stored unworked, the processor does it. Read here for both.
/// </summary>
public static class SubscriptionChoicePush
{
    public static bool Is(string msgType, string? eventName) =>
        msgType == "event" && eventName is "subscribe_msg_popup_event" or "subscribe_msg_change_event";

    /// <exception cref="FormatException">The item list cannot be read.</exception>
    public static IReadOnlyList<SubscriptionConsent.PushedChoice> Read(string fromUser, IReadOnlyDictionary<string, string> fields)
    {
        var raw = fields.GetValueOrDefault("SubscribeMsgPopupEvent") ?? fields.GetValueOrDefault("SubscribeMsgChangeEvent");
        try
        {
            return SubscriptionEvents.Parse(raw).Select(c => new SubscriptionConsent.PushedChoice(fromUser, c.TemplateId, c.Accepted)).ToList();
        }
        catch (Exception e) when (e is XmlException or JsonException or InvalidOperationException)
        {
            throw new FormatException("Unreadable subscription list.", e);
        }
    }

    public static string Outcome(IReadOnlyCollection<SubscriptionConsent.PushedChoice> choices) =>
        $"subscriptions {choices.Count(c => c.Accepted)} accepted, {choices.Count(c => !c.Accepted)} rejected";
}
