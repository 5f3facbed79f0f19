using System.Text;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Persistence;
using Daiban.Testing;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Daiban.Benchmarks;

/// <summary>
/// Seeds N open case items in MariaDB and times "items due within 3 working days" through EF (the production
/// query, on the RunningDueOn index) against the same SQL with that index ignored (a full scan).
/// </summary>
internal static class DueItemsBenchmark
{
    private const int ItemsPerCase = 10;
    private static readonly DateOnly Today = new(2026, 3, 2);

    public static async Task RunAsync(int itemCount, int rounds)
    {
        var database = new TestDatabase(DatabaseProvider.MySql);
        await database.InitializeAsync();
        try
        {
            await database.MigrateAsync();
            Console.WriteLine($"seeding {itemCount:N0} case items …");
            var seedWatch = System.Diagnostics.Stopwatch.StartNew();
            await SeedAsync(database.Settings.ConnectionString, itemCount);
            Console.WriteLine($"seeded in {seedWatch.Elapsed.TotalSeconds:F1} s");

            await using var db = database.NewContext();
            var calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
            var today = Today;
            var limit = calendar.AddWorkingDays(today, 3);
            var query = db.CaseItems.AsNoTracking().DueWithin(calendar, today, 3);
            var sql = query.ToQueryString();
            var found = (await query.ToListAsync()).Count;
            Console.WriteLine($"due within 3 working days of {today}: {found:N0} items (limit {limit})");

            await using var conn = new MySqlConnection(database.Settings.ConnectionString);
            await conn.OpenAsync();
            // The SQL EF sends, with the parameter inlined, and the same statement told to ignore the index.
            var efSql = sql[(sql.IndexOf("SELECT", StringComparison.Ordinal))..].Replace("@__limit_0", $"'{limit:yyyy-MM-dd}'");
            var scanSql = efSql.Replace("FROM `case_items` AS `c`", "FROM `case_items` AS `c` IGNORE INDEX (IX_case_items_RunningDueOn)");
            await Explain(conn, "indexed", efSql);
            await Explain(conn, "baseline", scanSql);

            var indexed = Options.Measure(rounds, () => Read(conn, efSql));
            var scan = Options.Measure(rounds, () => Read(conn, scanSql));
            var ef = Options.Measure(rounds, () => db.CaseItems.AsNoTracking().DueWithin(calendar, today, 3).ToListAsync());
            Console.WriteLine();
            Console.WriteLine($"| query ({itemCount:N0} case items, {found:N0} due, {rounds} rounds) | median ms | p95 ms |");
            Console.WriteLine("| --- | --- | --- |");
            Console.WriteLine($"| EF's SQL, index on RunningDueOn | {indexed.Median:F2} | {indexed.P95:F2} |");
            Console.WriteLine($"| same SQL, IGNORE INDEX (full-scan baseline) | {scan.Median:F2} | {scan.P95:F2} |");
            Console.WriteLine($"| DueWithin end to end through EF (materialized) | {ef.Median:F2} | {ef.P95:F2} |");
            Console.WriteLine($"index vs scan: {scan.Median / indexed.Median:F1}x faster (median)");
            Console.WriteLine();
            Console.WriteLine("EF SQL:");
            Console.WriteLine(sql);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task Read(MySqlConnection conn, string sql)
    {
        await using var cmd = new MySqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
    }

    private static async Task Explain(MySqlConnection conn, string label, string sql)
    {
        await using var cmd = new MySqlCommand("EXPLAIN " + sql, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            Console.WriteLine($"EXPLAIN {label}: type={r["type"]} key={r["key"]} rows={r["rows"]} extra={r["Extra"]}");
    }

    /// <summary>N case items, ten per case, the cases spread over <paramref name="agentIds"/> (none: unassigned).</summary>
    internal static async Task SeedAsync(string connectionString, int itemCount, IReadOnlyList<long>? agentIds = null)
    {
        await using var conn = new MySqlConnection(connectionString);
        await conn.OpenAsync();
        await Exec(conn, """
            INSERT INTO enterprises (Name, CreditCode, CreatedAt) VALUES ('基准测试企业', '91350100M000100Y43', NOW());
            INSERT INTO projects (EnterpriseId, Name, Location, InvestmentType, Kind, LandSupply, CreatedAt)
              VALUES (LAST_INSERT_ID(), '基准测试项目', '乳山市', 'Social', 'Industrial', 'Transfer', NOW());
            """);
        var cases = (itemCount + ItemsPerCase - 1) / ItemsPerCase;
        var random = new Random(42);
        const int batch = 1000;
        for (var start = 0; start < cases; start += batch)
        {
            var sb = new StringBuilder("INSERT INTO cases (CaseNumber, EnterpriseId, ProjectId, Mode, Channel, Status, ScopeStages, SubmittedAt, UpdatedAt, Version, AgentId) VALUES ");
            for (var i = start; i < Math.Min(cases, start + batch); i++)
            {
                var agent = agentIds is { Count: > 0 } ? agentIds[i % agentIds.Count].ToString() : "NULL";
                sb.Append(i == start ? "" : ",").Append($"('BENCH-{i:D8}', 1, 1, 'Agency', 'Online', 'InProgress', 'ConstructionLicence', NOW(), NOW(), 1, {agent})");
            }
            await Exec(conn, sb.ToString());
        }
        var statuses = new[] { CaseItemStatus.SubmittedToDepartment, CaseItemStatus.SubmittedToDepartment, CaseItemStatus.SubmittedToDepartment, CaseItemStatus.AwaitingSupplement, CaseItemStatus.Preparing, CaseItemStatus.Approved };
        var today = Today;
        for (var start = 0; start < itemCount; start += batch)
        {
            var sb = new StringBuilder("INSERT INTO case_items (CaseId, ItemCode, ItemName, DepartmentCode, ImplementingBody, Stage, SortOrder, PromisedDays, Status, AcceptedOn, DueOn, RunningDueOn) VALUES ");
            for (var i = start; i < Math.Min(itemCount, start + batch); i++)
            {
                var status = statuses[random.Next(statuses.Length)];
                var due = today.AddDays(random.Next(-5, 365));
                var accepted = due.AddDays(-random.Next(3, 40));
                var running = status is CaseItemStatus.SubmittedToDepartment ? $"'{due:yyyy-MM-dd}'" : "NULL";
                sb.Append(i == start ? "" : ",")
                  .Append($"({i / ItemsPerCase + 1}, 'S3-{i % ItemsPerCase:D2}', '基准事项', 'ZJJ', '乳山市行政审批服务局', 'ConstructionLicence', {i % ItemsPerCase}, 10, '{status}', '{accepted:yyyy-MM-dd}', '{due:yyyy-MM-dd}', {running})");
            }
            await Exec(conn, sb.ToString());
        }
        await Exec(conn, "ANALYZE TABLE case_items");
    }

    private static async Task Exec(MySqlConnection conn, string sql)
    {
        await using var cmd = new MySqlCommand(sql, conn) { CommandTimeout = 300 };
        await cmd.ExecuteNonQueryAsync();
    }
}
