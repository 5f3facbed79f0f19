using System.Text.Json;
using Daiban.Core.Calendar;
using Daiban.Core.Common;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Staff;

/// <summary>
/// How a staff member gets in, and the changes that must end that: sessions opened and ended, WeChat identities
/// bound and removed, roles, deactivation and password resets. Each change brings its consequences into the same unit
/// of work (the caller saves once): the member's sessions end, the member is told in-app, the change is audited.
/// </summary>
public sealed class StaffAccounts(DaibanDbContext db, TimeProvider clock)
{
    public StaffSession StartSession(StaffMember staff, StaffSessionKind kind, TimeSpan lifetime)
    {
        var session = new StaffSession(staff.Id, kind, clock.GetUtcNow(), lifetime);
        db.StaffSessions.Add(session);
        return session;
    }

    /// <summary>The one check every staff request passes: its session is open and its member still active.</summary>
    public Task<bool> IsSessionOpenAsync(string sessionId, long staffId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.StaffSessions.AsNoTracking().AnyAsync(s => s.Id == sessionId && s.StaffId == staffId && s.EndedAt == null
            && s.ExpiresAt > now && db.Staff.Any(m => m.Id == staffId && m.Active), ct);
    }

    /// <summary>Signing out: the token stops working on the server too, not only in the browser that forgets it.</summary>
    public async Task EndSessionAsync(string sessionId, long staffId, CancellationToken ct)
    {
        var session = await db.StaffSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.StaffId == staffId, ct);
        session?.End("signed-out", clock.GetUtcNow());
    }

    public async Task EndSessionsAsync(long staffId, string reason, CancellationToken ct, StaffSessionKind? kind = null)
    {
        var now = clock.GetUtcNow();
        var open = await db.StaffSessions.Where(s => s.StaffId == staffId && s.EndedAt == null && s.ExpiresAt > now)
            .Where(s => kind == null || s.Kind == kind).ToListAsync(ct);
        foreach (var session in open)
            session.End(reason, now);
    }

    /// <summary>
    /// Binds a WeChat identity redeemed with the member's code. An identity acts for one member only: taken from anyone
    /// who had it. The member is told at once, so a binding made by someone else is noticed and removed.
    /// </summary>
    public async Task BindIdentityAsync(StaffMember staff, WeChatIdentity identity, string openId, CancellationToken ct)
    {
        var previous = await db.Staff.Where(s => s.Id != staff.Id && (identity == WeChatIdentity.MiniProgram
            ? s.MiniProgramOpenId == openId : s.OfficialAccountOpenId == openId)).ToListAsync(ct);
        foreach (var other in previous)
            await UnbindIdentityAsync(other, identity, Actor.System, ct);
        if (staff.BoundOpenId(identity) is not null)
            await UnbindIdentityAsync(staff, identity, Actor.System, ct);
        var now = clock.GetUtcNow();
        staff.Bind(identity, openId, now);
        Audit(Actor.Staff(staff.Id, staff.DisplayName), "staff.bind", staff, $"{identity} {PersonalData.MaskOpenId(openId)}");
        await TellAsync(staff, $"bound:{identity}:{now.ToUnixTimeMilliseconds()}", $"您的账号已绑定{Name(identity)}",
            $"{ChinaTime.Display(now)}，微信身份（{PersonalData.MaskOpenId(openId)}）已绑定到您的账号。" +
            "如非本人操作，请立即在工作台“我的账号”解除绑定并联系管理员。", ct);
    }

    /// <summary>Removes a binding; a mini-program identity's agent sessions end with it. False when nothing was bound.</summary>
    public async Task<bool> UnbindIdentityAsync(StaffMember staff, WeChatIdentity identity, Actor by, CancellationToken ct)
    {
        var openId = staff.BoundOpenId(identity);
        if (!staff.Unbind(identity))
            return false;
        if (identity == WeChatIdentity.MiniProgram)
            await EndSessionsAsync(staff.Id, "unbound", ct, StaffSessionKind.MiniProgram);
        Audit(by, "staff.unbind", staff, $"{identity} {PersonalData.MaskOpenId(openId)}");
        var now = clock.GetUtcNow();
        await TellAsync(staff, $"unbound:{identity}:{now.ToUnixTimeMilliseconds()}", $"您的账号已解除{Name(identity)}绑定",
            $"{ChinaTime.Display(now)}，{(by.Kind == ActorKind.Staff && by.Id == staff.Id ? "您" : by.Name)}解除了{Name(identity)}绑定。", ct);
        return true;
    }

    public async Task ChangeRolesAsync(StaffMember staff, StaffRoles roles, CancellationToken ct)
    {
        if (staff.ChangeRoles(roles))
            await EndSessionsAsync(staff.Id, "roles-changed", ct);
    }

    /// <summary>A session carries the member's department (what a liaison reaches): a change ends its sessions.</summary>
    public async Task ChangeDepartmentAsync(StaffMember staff, string? departmentCode, CancellationToken ct)
    {
        if (staff.DepartmentCode == departmentCode)
            return;
        staff.AssignDepartment(departmentCode);
        await EndSessionsAsync(staff.Id, "department-changed", ct);
    }

    public async Task DeactivateAsync(StaffMember staff, Actor by, CancellationToken ct)
    {
        foreach (var identity in Enum.GetValues<WeChatIdentity>())
            await UnbindIdentityAsync(staff, identity, by, ct);
        staff.Deactivate();
        await EndSessionsAsync(staff.Id, "deactivated", ct);
    }

    public async Task ResetPasswordAsync(StaffMember staff, string password, Actor by, CancellationToken ct)
    {
        foreach (var identity in Enum.GetValues<WeChatIdentity>())
            await UnbindIdentityAsync(staff, identity, by, ct);
        staff.ResetPassword(password);
        await EndSessionsAsync(staff.Id, "password-reset", ct);
    }

    public static string Name(WeChatIdentity identity) => identity == WeChatIdentity.MiniProgram ? "小程序" : "服务号";

    private void Audit(Actor by, string action, StaffMember staff, string detail) =>
        db.Audit.Record(by, action, nameof(StaffMember), staff.UserName, detail, clock.GetUtcNow());

    private Task TellAsync(StaffMember staff, string what, string title, string detail, CancellationToken ct) =>
        db.Notices().AccountAsync(db, staff.Id, what, title, detail, clock.GetUtcNow(), ct);
}
