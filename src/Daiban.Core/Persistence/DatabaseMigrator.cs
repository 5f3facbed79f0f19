using Daiban.Core.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Daiban.Core.Persistence;

/// <summary>Applies the provider's migrations, then the reference data, then (embedded default only) the demo data.</summary>
public sealed class DatabaseMigrator(DaibanDbContext db, TimeProvider clock, ILogger<DatabaseMigrator> logger)
{
    /// <param name="demoStaffPassword">With demo data: the demo staff password (configured, or generated and logged once).</param>
    public async Task MigrateAsync(bool seedDemoData, CancellationToken ct, string? demoStaffPassword = null)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        logger.LogInformation("Applied {Count} migration(s) on {Provider}", pending.Count, db.Database.ProviderName);
        // Names stored before their search pieces were kept get them once, when the tables that hold them arrive.
        if (pending.Any(m => m.EndsWith("_NameTerms", StringComparison.Ordinal)))
            logger.LogInformation("Name search: {Count} piece(s) written for existing names",
                await Search.NameTerms.FillAsync(db, ct));
        var added = await ReferenceData.SeedAsync(db, ct);
        logger.LogInformation("Reference data: {Count} row(s) added", added);
        if (seedDemoData)
        {
            var generated = demoStaffPassword is null;
            var password = demoStaffPassword ?? $"demo{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}";
            var demo = await DemoData.SeedAsync(db, clock, password, ct);
            logger.LogInformation("Demo data: {Count} case(s) added", demo);
            // A throw-away credential of the embedded demo, shown once to whoever started it; never a real account.
            if (demo > 0 && generated)
                logger.LogWarning("Demo staff accounts (wangmin, liqiang, zhangli, zhaogang, liuyang, chenjing, admin) use the password {DemoPassword}; set Demo:StaffPassword to choose one", password);
        }
    }
}
