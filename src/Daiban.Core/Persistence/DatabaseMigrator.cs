using Daiban.Core.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Daiban.Core.Persistence;

/// <summary>Applies the provider's migrations, then the reference data, then (embedded default only) the demo data.</summary>
public sealed class DatabaseMigrator(DaibanDbContext db, TimeProvider clock, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(bool seedDemoData, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        logger.LogInformation("Applied {Count} migration(s) on {Provider}", pending.Count, db.Database.ProviderName);
        var added = await ReferenceData.SeedAsync(db, ct);
        logger.LogInformation("Reference data: {Count} row(s) added", added);
        if (seedDemoData)
        {
            var demo = await DemoData.SeedAsync(db, clock, ct);
            logger.LogInformation("Demo data: {Count} case(s) added", demo);
        }
    }
}
