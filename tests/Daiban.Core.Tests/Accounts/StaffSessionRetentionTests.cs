using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Tests.Accounts;

/// <summary>Sign-ins that ended or expired long ago go, page by page; open ones stay whatever their age.</summary>
public abstract class StaffSessionRetentionTests(DatabaseProvider provider) : MigratedDatabaseTest(provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 40, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Cutoff = Now.AddDays(-90);

    [Fact]
    public async Task SessionsEndedOrExpiredBeforeTheCutoff_AreDeleted_OpenAndRecentOnesStay()
    {
        var kept = new List<string>();
        await using (var db = Database.NewContext())
        {
            var member = new StaffMember("agent-retention", "孙立", StaffRoles.Agent, Now.AddYears(-1));
            db.Staff.Add(member);
            await db.SaveChangesAsync();
            StaffSession Session(DateTimeOffset created, TimeSpan lifetime, DateTimeOffset? endedAt, bool keep)
            {
                var s = new StaffSession(member.Id, StaffSessionKind.Password, created, lifetime);
                if (endedAt is { } at)
                    s.End("signed-out", at);
                if (keep)
                    kept.Add(s.Id);
                return s;
            }
            db.StaffSessions.AddRange(
                Session(Cutoff.AddDays(-30), TimeSpan.FromHours(8), null, keep: false),
                Session(Cutoff.AddDays(-2), TimeSpan.FromHours(8), null, keep: false),
                Session(Cutoff.AddDays(-1), TimeSpan.FromDays(365), Cutoff.AddHours(-1), keep: false),
                // Long-lived and still open, though created long ago: it is in use.
                Session(Cutoff.AddDays(-10), TimeSpan.FromDays(365), null, keep: true),
                Session(Now.AddHours(-1), TimeSpan.FromHours(8), null, keep: true),
                Session(Now.AddDays(-3), TimeSpan.FromHours(8), Now.AddDays(-3).AddHours(1), keep: true));
            await db.SaveChangesAsync();
        }

        await using (var db = Database.NewContext())
            Assert.Equal(3, await StaffSessionRetention.PurgeAsync(db, Cutoff, pageSize: 2, default));

        await using var read = Database.NewContext();
        Assert.Equal(kept.Order(), await read.StaffSessions.Select(s => s.Id).OrderBy(id => id).ToListAsync());
    }
}

[Collection(Persistence.DatabaseCollection.Name)]
public sealed class StaffSessionRetentionMariaDbTests() : StaffSessionRetentionTests(DatabaseProvider.MySql);

[Collection(Persistence.DatabaseCollection.Name)]
public sealed class StaffSessionRetentionSqliteTests() : StaffSessionRetentionTests(DatabaseProvider.Sqlite);
