namespace Daiban.Core.Staff;

[Flags]
public enum StaffRoles
{
    None = 0,
    /// <summary>综合窗口工作人员: registers applications, assigns agents, convenes meetings.</summary>
    WindowClerk = 1,
    /// <summary>代办员.</summary>
    Agent = 2,
    /// <summary>职能部门联络员.</summary>
    DepartmentLiaison = 4,
    /// <summary>行政审批服务局 supervision.</summary>
    Supervisor = 8,
    Admin = 16,
}

public static class StaffRoleNames
{
    public static string Name(this StaffRoles role) => role switch
    {
        StaffRoles.WindowClerk => "综合窗口工作人员",
        StaffRoles.Agent => "代办员",
        StaffRoles.DepartmentLiaison => "职能部门联络员",
        StaffRoles.Supervisor => "督查人员",
        StaffRoles.Admin => "系统管理员",
        _ => role.ToString(),
    };
}
