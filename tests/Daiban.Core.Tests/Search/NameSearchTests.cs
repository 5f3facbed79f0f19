using Daiban.Core.Assignment;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Persistence;
using Daiban.Core.Search;
using Daiban.Core.Staff;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Tests.Search;

public sealed class NameTermTests
{
    [Fact]
    public void A_name_is_cut_into_its_distinct_two_character_pieces_folded_as_the_database_compares()
    {
        Assert.Equal(["乳山", "山海", "海山", "山乳"], NameTerms.Of(" 乳山海山乳山 "));
        // Full-width letters are the half-width ones, capitals the small ones.
        Assert.Equal(["ab", "bc", "c建", "建材"], NameTerms.Of("ＡＢc建材"));
        Assert.Empty(NameTerms.Of("赵"));
        // A character outside the basic plane is one character, not two halves.
        Assert.Equal(["𠀀山"], NameTerms.Of("𠀀山"));
    }
}

/// <summary>
/// A clerk finds a case by part of the enterprise's, project's or contact's name through the names' pieces: kept
/// when a name is stored or changed, and filled once for names stored before.
/// </summary>
public abstract class NameSearchTests(DatabaseProvider provider) : MigratedDatabaseTest(provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly StaffPowers Clerk = new(1, StaffRoles.WindowClerk, null);

    private async Task<long> CaseOfNewEnterpriseAsync()
    {
        await using var db = Database.NewContext();
        var (enterpriseId, projectId, contactId) = await TestData.SeedEnterpriseAsync(db, T0);
        var c = Case.Submit(enterpriseId, projectId, contactId, ServiceMode.Agency, ApplicationChannel.Online,
            [Stage.ConstructionLicence], ScopeResolver.Resolve(CaseBuilder.Catalog, ProjectCategories.SocialIndustrial,
                [], ["S3-03"]), "代办施工许可", null, Actor.Contact(contactId, "孙海"), T0);
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    private async Task<IReadOnlyList<long>> FindAsync(string text)
    {
        await using var db = Database.NewContext();
        var page = await CaseSearch.FindAsync(db, Clerk, new CaseQuery(Text: text), new PageSpec(1, 50),
            new DateOnly(2026, 3, 2), CancellationToken.None);
        return page.Rows.Select(r => r.Id).ToList();
    }

    [Fact]
    public async Task Part_of_an_enterprise_project_or_contact_name_finds_the_case_and_a_renamed_name_its_new_case()
    {
        var id = await CaseOfNewEnterpriseAsync();

        Assert.Equal([id], await FindAsync("海达新材料"));
        Assert.Equal([id], await FindAsync("环保建材"));
        Assert.Equal([id], await FindAsync("孙海"));
        // Every piece is there (海达, 达新 …) but not in this order: no match.
        Assert.Empty(await FindAsync("达新海达"));

        await using (var db = Database.NewContext())
        {
            var enterprise = await db.Enterprises.SingleAsync();
            enterprise.UpdateDetails("乳山市蓝湾置业有限公司", null, null);
            await db.SaveChangesAsync();
        }

        Assert.Empty(await FindAsync("海达新材料"));
        Assert.Equal([id], await FindAsync("蓝湾置业"));
        await using var check = Database.NewContext();
        var enterpriseId = (await check.Enterprises.SingleAsync()).Id;
        Assert.Equal(NameTerms.Of("乳山市蓝湾置业有限公司").Order(StringComparer.Ordinal),
            (await check.EnterpriseNameTerms.Where(t => t.OwnerId == enterpriseId).Select(t => t.Term).ToListAsync())
                .Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Names_stored_without_pieces_get_them_once_from_the_fill()
    {
        var id = await CaseOfNewEnterpriseAsync();
        await using (var db = Database.NewContext())
        {
            await db.EnterpriseNameTerms.ExecuteDeleteAsync();
            await db.ProjectNameTerms.ExecuteDeleteAsync();
            await db.ContactNameTerms.ExecuteDeleteAsync();
        }
        Assert.Empty(await FindAsync("环保建材"));

        await using (var db = Database.NewContext())
            Assert.True(await NameTerms.FillAsync(db, CancellationToken.None) > 0);
        await using (var again = Database.NewContext())
            Assert.Equal(0, await NameTerms.FillAsync(again, CancellationToken.None));

        Assert.Equal([id], await FindAsync("海达新材料"));
        Assert.Equal([id], await FindAsync("环保建材"));
        Assert.Equal([id], await FindAsync("孙海"));
    }
}

[Collection(Persistence.DatabaseCollection.Name)]
public sealed class NameSearchMariaDbTests() : NameSearchTests(DatabaseProvider.MySql);

[Collection(Persistence.DatabaseCollection.Name)]
public sealed class NameSearchSqliteTests() : NameSearchTests(DatabaseProvider.Sqlite);
