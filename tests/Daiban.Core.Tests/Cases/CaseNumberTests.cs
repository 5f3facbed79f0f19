using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Catalog;
using Daiban.Core.Common;
using Daiban.Core.Enterprises;
using Daiban.Core.Persistence;
using Daiban.Core.Projects;
using Daiban.Core.Tests.Persistence;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Daiban.Core.Tests.Cases;

/// <summary>Case numbers count the cases of their China-time day and never collide, however requests race.</summary>
public abstract class CaseNumberTests(DatabaseProvider provider) : MigratedDatabaseTest(provider)
{
    // 23:30 UTC is already the next morning in China: the number carries the China-time day.
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 23, 30, 0, TimeSpan.Zero);
    private const string Day = "20261202";
    private static readonly Actor Clerk = Actor.Staff(1, "王敏");

    [Fact]
    public async Task ConcurrentWalkIns_AllSucceed_WithConsecutiveNumbersOfTheDay()
    {
        const int count = 24;

        var numbers = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => WalkInAsync(i))));

        Assert.Equal(count, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, count).Select(n => $"DB{Day}-{n:D6}"), numbers.Order());
        await using var db = Database.NewContext();
        Assert.Equal(count, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task NumberAlreadyTaken_ByAnOlderCase_IsSkipped()
    {
        var first = await WalkInAsync(0);
        await using (var db = Database.NewContext())
        {
            // A number given before the counter existed (random n) that the counter is about to reach.
            await db.Cases.Where(c => c.CaseNumber == first)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.CaseNumber, $"DB{Day}-000002"));
        }

        var second = await WalkInAsync(1);
        var third = await WalkInAsync(2);

        Assert.Equal($"DB{Day}-000001", first);
        Assert.Equal($"DB{Day}-000003", second);
        Assert.Equal($"DB{Day}-000004", third);
    }

    [Fact]
    public async Task NewDay_StartsAtOne()
    {
        await WalkInAsync(0);
        await WalkInAsync(1);

        var nextDay = await WalkInAsync(2, Now.AddDays(1));

        Assert.Equal("DB20261203-000001", nextDay);
    }

    [Fact]
    public async Task RetriedOnlineApplication_WithTheSameKey_ReturnsTheOneCase_EvenRacing()
    {
        long contactId;
        await using (var db = Database.NewContext())
            contactId = (await TestData.SeedEnterpriseAsync(db, Now)).ContactId;

        var racing = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => ApplyOnlineAsync(contactId, "tap-1"))));
        var retried = await ApplyOnlineAsync(contactId, "tap-1");
        var other = await ApplyOnlineAsync(contactId, "tap-2");

        Assert.Single(racing.Select(r => r.Id).Distinct());
        Assert.Single(racing, r => r.Created);
        Assert.Equal((racing[0].Id, racing[0].Number, false), (retried.Id, retried.Number, retried.Created));
        Assert.Equal($"DB{Day}-000001", retried.Number);
        Assert.True(other.Created);
        Assert.NotEqual(retried.Number, other.Number);
    }

    private async Task<string> WalkInAsync(int i, DateTimeOffset? at = null)
    {
        await using var db = Database.NewContext();
        var body = $"91371083{i:D9}";
        var application = new WalkInApplication($"乳山市第{i}建材有限公司",
            body + UnifiedSocialCreditCode.CheckCharacter(body), "孙海", "13806310001", Facts($"第{i}号厂房"), Scope,
            $"walk-in-{i}");
        var @case = await new CaseRegistration(db, new FakeTimeProvider(at ?? Now))
            .RegisterWalkInAsync(application, Clerk, CancellationToken.None);
        return @case.CaseNumber;
    }

    private async Task<(long Id, string Number, bool Created)> ApplyOnlineAsync(long contactId, string key)
    {
        await using var db = Database.NewContext();
        var contact = await db.EnterpriseContacts.SingleAsync(c => c.Id == contactId);
        var (@case, created) = await new CaseRegistration(db, new FakeTimeProvider(Now))
            .ApplyOnlineAsync(contact, Facts("二期厂房"), Scope, key, CancellationToken.None);
        return (@case.Id, @case.CaseNumber, created);
    }

    private static readonly ApplicationScope Scope = new(ServiceMode.Agency, [], ["S3-01", "S3-03"], null);

    private static ProjectFacts Facts(string name) => new(name, null, "乳山市经济开发区", InvestmentType.Social,
        ProjectKind.Industrial, 12000m, 40000m, 26000m, 18m, "新建车间", null, Stage.LandAndPlanning, LandSupply.Transfer,
        null, "孙海", "13806310001", null);
}

[Collection(DatabaseCollection.Name)]
public sealed class MariaDbCaseNumberTests() : CaseNumberTests(DatabaseProvider.MySql);

[Collection(DatabaseCollection.Name)]
public sealed class SqliteCaseNumberTests() : CaseNumberTests(DatabaseProvider.Sqlite);
