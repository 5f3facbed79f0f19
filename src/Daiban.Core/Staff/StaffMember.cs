using Daiban.Core.Catalog;
using Daiban.Core.Common;

namespace Daiban.Core.Staff;

/// <summary>A member of the service team: window clerk, agent, department liaison, supervisor or admin.</summary>
public sealed class StaffMember
{
    private StaffMember() { }

    public StaffMember(string userName, string displayName, StaffRoles roles, DateTimeOffset now)
    {
        UserName = Guard.Required(userName, "登录名", 32).ToLowerInvariant();
        DisplayName = Guard.Required(displayName, "姓名", 32);
        if (roles == StaffRoles.None)
            throw DomainRuleException.Invalid("staff.no_role", "请至少为工作人员选择一个角色。");
        Roles = roles;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public StaffRoles Roles { get; private set; }
    public string? Phone { get; private set; }
    /// <summary>The department a liaison speaks for.</summary>
    public string? DepartmentCode { get; private set; }
    /// <summary>Stages the agent knows well; routing prefers agents who know every stage in scope.</summary>
    public List<Stage> SkillStages { get; private set; } = [];
    /// <summary>Departments the agent has working relations with.</summary>
    public List<string> SkillDepartments { get; private set; } = [];
    public string? PasswordHash { get; private set; }
    public string? OfficialAccountOpenId { get; private set; }
    public string? MiniProgramOpenId { get; private set; }
    public bool Active { get; private set; } = true;
    /// <summary>Unavailable for new assignments up to and including this date (leave, out of office).</summary>
    public DateOnly? AwayUntil { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastSignInAt { get; private set; }
    public DateTimeOffset? OfficialAccountBoundAt { get; private set; }
    public DateTimeOffset? MiniProgramBoundAt { get; private set; }

    /// <summary>Wrong passwords (or sign-ins of a name nobody has) allowed per name in <see cref="LockoutDuration"/>.</summary>
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Checks a password (the attempt limits are the host's: they must hold across instances).</summary>
    public bool SignIn(string password, DateTimeOffset now)
    {
        // The hash is checked first whatever the account's state: every refusal takes the same time.
        var matches = PasswordHash is null ? PasswordHashing.VerifyNobody(password) : PasswordHashing.Verify(PasswordHash, password);
        if (!matches || !Active)
            return false;
        LastSignInAt = now;
        return true;
    }

    public bool Has(StaffRoles role) => (Roles & role) == role;

    public bool IsAvailableOn(DateOnly date) => Active && (AwayUntil is null || AwayUntil < date);

    public void SetSkills(IEnumerable<Stage> stages, IEnumerable<string> departments)
    {
        SkillStages = stages.Distinct().Order().ToList();
        SkillDepartments = departments.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public void AssignDepartment(string? departmentCode) => DepartmentCode = departmentCode;

    /// <summary>True when the roles changed: the member's sessions must then end (their tokens carry the old roles).</summary>
    public bool ChangeRoles(StaffRoles roles)
    {
        if (roles == StaffRoles.None)
            throw DomainRuleException.Invalid("staff.no_role", "请至少为工作人员选择一个角色。");
        if (roles == Roles)
            return false;
        Roles = roles;
        return true;
    }

    public void SetPhone(string? phone) => Phone = Guard.Optional(phone, "手机号码", 20);

    public void SetPassword(string password) => PasswordHash = PasswordHashing.Hash(password);

    /// <summary>
    /// An admin's reset, usually because the password may be known to someone else: whoever knew it may also have bound
    /// a WeChat identity, so the bindings go too (the member binds again with a fresh code).
    /// </summary>
    public void ResetPassword(string password)
    {
        SetPassword(password);
        Unbind(WeChatIdentity.OfficialAccount);
        Unbind(WeChatIdentity.MiniProgram);
    }

    public void MarkAway(DateOnly? until) => AwayUntil = until;

    public void BindOfficialAccount(string openId, DateTimeOffset now) => Bind(WeChatIdentity.OfficialAccount, openId, now);

    public void Bind(WeChatIdentity identity, string openId, DateTimeOffset now)
    {
        if (identity == WeChatIdentity.OfficialAccount)
            (OfficialAccountOpenId, OfficialAccountBoundAt) = (openId, now);
        else
            (MiniProgramOpenId, MiniProgramBoundAt) = (openId, now);
    }

    /// <summary>False when nothing was bound.</summary>
    public bool Unbind(WeChatIdentity identity)
    {
        if (BoundOpenId(identity) is null)
            return false;
        if (identity == WeChatIdentity.OfficialAccount)
            (OfficialAccountOpenId, OfficialAccountBoundAt) = (null, null);
        else
            (MiniProgramOpenId, MiniProgramBoundAt) = (null, null);
        return true;
    }

    public string? BoundOpenId(WeChatIdentity identity) =>
        identity == WeChatIdentity.OfficialAccount ? OfficialAccountOpenId : MiniProgramOpenId;

    public DateTimeOffset? BoundAt(WeChatIdentity identity) =>
        identity == WeChatIdentity.OfficialAccount ? OfficialAccountBoundAt : MiniProgramBoundAt;

    /// <summary>A member who leaves keeps no way in: neither WeChat identity acts for the account any longer.</summary>
    public void Deactivate()
    {
        Active = false;
        Unbind(WeChatIdentity.OfficialAccount);
        Unbind(WeChatIdentity.MiniProgram);
    }
}

/// <summary>The WeChat identities a staff member can bind: template messages, and the agent pages of the mini-program.</summary>
public enum WeChatIdentity
{
    OfficialAccount,
    MiniProgram,
}
