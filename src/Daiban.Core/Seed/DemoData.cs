using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;
using Daiban.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Seed;

/// <summary>
/// A small, believable data set for the embedded default: the service team, two enterprises and cases in
/// several states, so a first run shows something. Never seeded when a MySQL connection is configured.
/// </summary>
public static class DemoData
{
    /// <param name="staffPassword">The password every demo staff account gets (they sign in by user name).</param>
    public static async Task<int> SeedAsync(DaibanDbContext db, TimeProvider clock, string staffPassword, CancellationToken ct)
    {
        if (await db.Staff.AnyAsync(ct))
            return 0;
        var now = clock.GetUtcNow();
        var calendar = await db.LoadBusinessCalendarAsync(ct);
        var catalog = await db.ApprovalItems.Include(i => i.Materials).ToDictionaryAsync(i => i.Code, ct);

        var clerk = Staff("wangmin", "王敏", StaffRoles.WindowClerk, now);
        var agentLi = Staff("liqiang", "李强", StaffRoles.Agent, now, [Stage.LandAndPlanning, Stage.ConstructionPermitting, Stage.Parallel], ["FGJ", "ZRGH", "STHJ"]);
        var agentZhang = Staff("zhangli", "张丽", StaffRoles.Agent, now, [Stage.ConstructionLicence, Stage.CompletionAcceptance], ["ZJJ", "RFB", "CJDA"]);
        var agentZhao = Staff("zhaogang", "赵刚", StaffRoles.Agent, now, [.. StageNames.MainLine, Stage.Parallel], ["FGJ", "ZRGH", "ZJJ", "RFB"]);
        var liaison = Staff("liuyang", "刘洋", StaffRoles.DepartmentLiaison, now);
        liaison.AssignDepartment("ZJJ");
        var supervisor = Staff("chenjing", "陈静", StaffRoles.Supervisor, now);
        var admin = Staff("admin", "系统管理员", StaffRoles.Admin, now);
        foreach (var member in new[] { clerk, agentLi, agentZhang, agentZhao, liaison, supervisor, admin })
            member.SetPassword(staffPassword);
        db.Staff.AddRange(clerk, agentLi, agentZhang, agentZhao, liaison, supervisor, admin);

        var haida = new Enterprise("乳山市海达新材料有限公司", DemoCode("91371083MA3DKH001"), now);
        var contact = haida.AddContact("孙海", "13806310001", "oDemoHaidaContact", now);
        contact.Confirm(Actor.System, ContactEvidence.InPersonAtWindow, "演示数据", now);
        var binhai = new Enterprise("威海滨海置业有限公司", DemoCode("91371083MA3DKH002"), now);
        var binhaiContact = binhai.AddContact("周蓉", "13806310002", "oDemoBinhaiContact", now);
        binhaiContact.Confirm(Actor.System, ContactEvidence.InPersonAtWindow, "演示数据", now);
        db.Enterprises.AddRange(haida, binhai);
        await db.SaveChangesAsync(ct);

        var factory = new Project(haida.Id, new ProjectFacts("海达新材料年产2万吨环保建材项目", "2611-371083-04-01-000001", "乳山市经济开发区珠江路以南",
            InvestmentType.Social, ProjectKind.Industrial, 12000m, 40000m, 26000m, 18m, "新建生产车间、仓库及办公楼",
            calendar.AddWorkingDays(ChinaTime.DateOf(now), 60), Stage.LandAndPlanning, LandSupply.Transfer, null, "孙海", "13806310001", null), now);
        var housing = new Project(binhai.Id, new ProjectFacts("滨海花园二期住宅项目", "2611-371083-04-01-000002", "乳山市银滩旅游度假区海景路",
            InvestmentType.Social, ProjectKind.Civil, 35000m, 52000m, 98000m, 54m, "新建住宅楼8栋及地下车库",
            null, Stage.ConstructionLicence, LandSupply.Transfer, "已取得建设用地规划许可证、建设工程规划许可证", "周蓉", "13806310002", null), now);
        db.Projects.AddRange(factory, housing);
        await db.SaveChangesAsync(ct);

        var window = Actor.Staff(clerk.Id, clerk.DisplayName);
        var li = Actor.Staff(agentLi.Id, agentLi.DisplayName);
        var zhang = Actor.Staff(agentZhang.Id, agentZhang.DisplayName);

        // 1. A fresh online 包办 application waiting for the window.
        var fullService = Case.Submit(haida.Id, factory.Id, contact.Id, ServiceMode.FullService, ApplicationChannel.Online,
            StageNames.MainLine, ScopeResolver.Resolve(catalog.Values, factory.Category, StageNames.MainLine, []), "希望从立项到竣工验收全程包办。", null,
            Actor.Contact(contact.Id, contact.Name), now);

        // 2. A 代办 of the construction-licence stage, in progress with one item at the department.
        var agency = Case.Submit(binhai.Id, housing.Id, binhaiContact.Id, ServiceMode.Agency, ApplicationChannel.WalkIn,
            [Stage.ConstructionLicence], [catalog["S3-01"], catalog["S3-03"]], "代办施工图审查和施工许可证。", null, window, now);
        agency.Register(window, now);
        agency.AssignAgent(agentZhang.Id, agentZhang.DisplayName, "熟悉施工许可阶段和住建部门；当前负荷最低", window, now);
        agency.Start(zhang, now);

        // 3. A 帮办 that only needs the registration step.
        var help = Case.Submit(haida.Id, factory.Id, contact.Id, ServiceMode.Help, ApplicationChannel.Online,
            [], [catalog["P-02"]], "需要帮助准备环评报告表审批材料。", null, Actor.Contact(contact.Id, contact.Name), now);
        help.Register(window, now);
        help.AssignAgent(agentLi.Id, agentLi.DisplayName, "熟悉生态环境部门；首接该企业", window, now);

        db.Cases.AddRange(fullService, agency, help);
        await db.SaveChangesAsync(ct);

        var review = agency.Items.Single(i => i.ItemCode == "S3-01");
        agency.SubmitItem(review.ItemCode, ChinaTime.DateOf(now), "SGT-2026-0088", calendar, zhang, now);
        agency.AddWorkLog("与审图机构对接，确认消防、人防并入联合审图。", null, "跟踪审图意见", "S3-01", milestone: false, visibleToEnterprise: true, zhang, now);
        await db.SaveChangesAsync(ct);
        return 3;
    }

    private static UnifiedSocialCreditCode DemoCode(string first17) =>
        UnifiedSocialCreditCode.Parse(first17 + UnifiedSocialCreditCode.CheckCharacter(first17));

    private static StaffMember Staff(string user, string name, StaffRoles roles, DateTimeOffset now, Stage[]? stages = null, string[]? departments = null)
    {
        var s = new StaffMember(user, name, roles, now);
        s.SetSkills(stages ?? [], departments ?? []);
        return s;
    }
}
