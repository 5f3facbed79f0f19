using Daiban.Core.Accounts;
using Daiban.Core.Persistence;
using Daiban.Core.Tests.Persistence;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Tests.Accounts;

/// <summary>First sign-ins of one user racing each other all succeed, and leave one user.</summary>
public abstract class MiniProgramSignInTests(DatabaseProvider provider) : MigratedDatabaseTest(provider)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RacingFirstSignIns_AllSucceed_AndMakeOneUser()
    {
        const string openId = "oRacingFirstSignIn000000001";

        var users = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var db = Database.NewContext();
            return await MiniProgramSignIns.RecordAsync(db, openId, null, $"cipher{i}", Now, CancellationToken.None);
        })));

        await using var check = Database.NewContext();
        var user = await check.MiniProgramUsers.AsNoTracking().SingleAsync(u => u.OpenId == openId);
        Assert.All(users, u => Assert.Equal(user.Id, u.Id));
        Assert.True(user.LoginCount >= 1);
    }
}

[Collection(DatabaseCollection.Name)]
public sealed class MariaDbMiniProgramSignInTests() : MiniProgramSignInTests(DatabaseProvider.MySql);

[Collection(DatabaseCollection.Name)]
public sealed class SqliteMiniProgramSignInTests() : MiniProgramSignInTests(DatabaseProvider.Sqlite);
