namespace Daiban.Core.Notifications;

/// <summary>
/// How many one-time subscribe messages a mini-program user has granted for a template: every accept adds one,
/// every send uses one, WeChat's 43101 resets it. With none left a notification stays in the in-app list.
/// </summary>
public sealed class SubscriptionQuota
{
    private SubscriptionQuota() { }

    public SubscriptionQuota(string openId, string templateId, DateTimeOffset now)
    {
        OpenId = openId;
        TemplateId = templateId;
        UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string OpenId { get; private set; } = "";
    public string TemplateId { get; private set; } = "";
    public int Remaining { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? LastGrantedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>WeChat's own record of the choice: its push event (subscribe_msg_popup_event).</summary>
    public void Grant(int count, DateTimeOffset now)
    {
        Change(Remaining + Math.Max(0, count), now);
        LastGrantedAt = now;
    }

    /// <summary>
    /// The mini-program's report of the same popup (wx.requestSubscribeMessage's result). When WeChat's push for
    /// this popup has already counted it (a grant within <paramref name="sameChoice"/>), it adds nothing: counting
    /// one acceptance twice would make a send fail with 43101, counting it once too few only keeps a notice in-app.
    /// </summary>
    public bool GrantReported(DateTimeOffset now, TimeSpan sameChoice)
    {
        if (LastGrantedAt is { } last && now - last < sameChoice)
            return false;
        Grant(1, now);
        return true;
    }

    public bool TryUse(DateTimeOffset now)
    {
        if (Remaining <= 0)
            return false;
        Change(Remaining - 1, now);
        return true;
    }

    public void Revoke(DateTimeOffset now) => Change(0, now);

    private void Change(int remaining, DateTimeOffset now)
    {
        Remaining = remaining;
        UpdatedAt = now;
        Version++;
    }
}
