namespace Daiban.Core.Notifications;

/// <summary>
/// Told after a commit that added notifications, so a dispatcher can send them now instead of at its next sweep.
/// Only a hint: the outbox rows stay the truth, and a lost signal delays a notice until the sweep, never loses it.
/// Must return at once and never throw: it runs on the committing request.
/// </summary>
public interface INotificationSignal
{
    void NotificationsCommitted();
}
