namespace Daiban.Core.Accounts;

/// <summary>
/// A WeChat user of the mini-program, known by openid. The session_key WeChat hands out at login is kept only
/// encrypted (<see cref="SessionKeyCipher"/>), replaced at every login, and never leaves the server.
/// </summary>
public sealed class MiniProgramUser
{
    private MiniProgramUser() { }

    public MiniProgramUser(string openId, string? unionId, DateTimeOffset now)
    {
        OpenId = openId;
        UnionId = unionId;
        FirstSeenAt = now;
    }

    public long Id { get; private set; }
    public string OpenId { get; private set; } = "";
    public string? UnionId { get; private set; }
    public string SessionKeyCipher { get; private set; } = "";
    /// <summary>Verified through WeChat's phone-number API (手机号快速验证), never typed in.</summary>
    public string? Phone { get; private set; }
    public DateTimeOffset FirstSeenAt { get; private set; }
    public DateTimeOffset? LastLoginAt { get; private set; }
    public int LoginCount { get; private set; }

    public void RecordLogin(string sessionKeyCipher, string? unionId, DateTimeOffset now)
    {
        SessionKeyCipher = sessionKeyCipher;
        UnionId = unionId ?? UnionId;
        LastLoginAt = now;
        LoginCount++;
    }

    public void BindPhone(string phone) => Phone = phone;
}
