using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;

namespace Daiban.Testing;

/// <summary>Rows the database tests need before a case can exist: an enterprise with a confirmed contact, and its project.</summary>
public static class TestData
{
    public static async Task<(long EnterpriseId, long ProjectId, long ContactId)> SeedEnterpriseAsync(DaibanDbContext db, DateTimeOffset now)
    {
        var body = $"9137108{Random.Shared.Next(10_000_000, 99_999_999)}XY";
        var enterprise = new Enterprise("乳山市海达新材料有限公司", UnifiedSocialCreditCode.Parse(body + UnifiedSocialCreditCode.CheckCharacter(body)), now);
        var contact = enterprise.AddContact("孙海", "13806310001", $"o{Guid.NewGuid():N}", now);
        contact.Confirm(Actor.Staff(1, "王敏"), ContactEvidence.InPersonAtWindow, null, now);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        var project = new Project(enterprise.Id, new ProjectFacts("年产2万吨环保建材项目", "2611-371083-04-01-000001", "乳山市经济开发区",
            InvestmentType.Social, ProjectKind.Industrial, 12000m, 40000m, 26000m, 18m, "新建车间", null, Stage.LandAndPlanning,
            LandSupply.Transfer, null, "孙海", "13806310001", null), now);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return (enterprise.Id, project.Id, contact.Id);
    }
}
