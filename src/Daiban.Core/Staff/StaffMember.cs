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
    public int FailedSignIns { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public DateTimeOffset? LastSignInAt { get; private set; }

    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil > now;

    /// <summary>Checks a password; five failures in a row lock the account for fifteen minutes.</summary>
    public SignInResult SignIn(string password, DateTimeOffset now)
    {
        if (!Active)
            return SignInResult.Refused;
        if (IsLockedOut(now))
            return SignInResult.LockedOut;
        if (!PasswordHashing.Verify(PasswordHash, password))
        {
            FailedSignIns++;
            if (FailedSignIns >= MaxFailedSignIns)
            {
                LockedUntil = now + LockoutDuration;
                FailedSignIns = 0;
                return SignInResult.LockedOut;
            }
            return SignInResult.Refused;
        }
        FailedSignIns = 0;
        LockedUntil = null;
        LastSignInAt = now;
        return SignInResult.Succeeded;
    }

    public bool Has(StaffRoles role) => (Roles & role) == role;

    public bool IsAvailableOn(DateOnly date) => Active && (AwayUntil is null || AwayUntil < date);

    public void SetSkills(IEnumerable<Stage> stages, IEnumerable<string> departments)
    {
        SkillStages = stages.Distinct().Order().ToList();
        SkillDepartments = departments.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public void AssignDepartment(string? departmentCode) => DepartmentCode = departmentCode;

    public void ChangeRoles(StaffRoles roles)
    {
        if (roles == StaffRoles.None)
            throw DomainRuleException.Invalid("staff.no_role", "请至少为工作人员选择一个角色。");
        Roles = roles;
    }

    public void SetPhone(string? phone) => Phone = Guard.Optional(phone, "手机号码", 20);

    public void SetPassword(string password)
    {
        PasswordHash = PasswordHashing.Hash(password);
        FailedSignIns = 0;
        LockedUntil = null;
    }

    public void MarkAway(DateOnly? until) => AwayUntil = until;

    public void BindOfficialAccount(string openId) => OfficialAccountOpenId = openId;

    public void BindMiniProgram(string openId) => MiniProgramOpenId = openId;

    public void Deactivate() => Active = false;
}

public enum SignInResult
{
    Succeeded,
    Refused,
    LockedOut,
}
