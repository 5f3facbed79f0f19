using System.Data.Common;
using System.Diagnostics;
using Daiban.Core.Calendar;
using Daiban.Core.Cases;
using Daiban.Core.Common;
using Daiban.Core.Notifications;
using Daiban.Core.Persistence;
using Daiban.Core.Staff;
using Daiban.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;

namespace Daiban.Benchmarks;

/// <summary>
/// The reads staff and enterprises make, on the decade <see cref="DecadeSeed"/> built, at <c>users</c> concurrent
/// callers: each through the product's own query (EF Core) beside a hand-written MySqlConnector query of the same
/// rows, measured in the same run, and the EXPLAIN of every statement the product sent.
/// </summary>
internal static class VolumeBenchmark
{
    private sealed record Read(string Name, Func<DaibanDbContext, Task> Product, Func<MySqlConnection, Task> Raw);

    public static async Task RunAsync(string database, int users, int requests, string? only)
    {
        var settings = VolumeDatabase.Settings(database);
        var today = ChinaTime.Today(TimeProvider.System);
        var everyone = new StaffPowers(0, StaffRoles.WindowClerk, null);
        BusinessCalendar calendar;
        string number, enterprise, project, contact, phone;
        long caseId;
        await using (var db = Context(settings, null))
        {
            // A decade seeded by an earlier version gets this version's schema (and its one-off fills) first.
            await new DatabaseMigrator(db, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance)
                .MigrateAsync(false, CancellationToken.None);
            calendar = await db.LoadBusinessCalendarAsync(CancellationToken.None);
            // A running case in the middle of the table: the case a phone enquiry asks about.
            var running = db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.InProgress);
            var sample = await running.OrderBy(c => c.Id).Skip(await running.CountAsync() / 2).FirstAsync();
            caseId = sample.Id;
            number = sample.CaseNumber;
            enterprise = (await db.Enterprises.SingleAsync(e => e.Id == sample.EnterpriseId)).Name[2..6];
            project = (await db.Projects.SingleAsync(p => p.Id == sample.ProjectId)).Name[..5];
            var person = await db.EnterpriseContacts.SingleAsync(k => k.Id == sample.ApplicantContactId);
            (contact, phone) = (person.Name, person.Phone ?? "");
        }
        var page = PageSpec.Of(1, 50);
        var lastMonth = today.AddDays(1 - today.Day).AddMonths(-1);
        Task Search(DaibanDbContext db, string? text, bool overdue = false) => CaseSearch.FindAsync(db, everyone,
            new CaseQuery(Text: text, Overdue: overdue), page, today, CancellationToken.None);
        var reads = new List<Read>
        {
            new("staff search: case number", db => Search(db, number), c => RawSearchAsync(c, "c.CaseNumber LIKE @q",
                $"%{number}%", today)),
            new("staff search: enterprise", db => Search(db, enterprise), c => RawSearchAsync(c, "e.Name LIKE @q",
                $"%{enterprise}%", today)),
            new("staff search: project", db => Search(db, project), c => RawSearchAsync(c, "p.Name LIKE @q",
                $"%{project}%", today)),
            new("staff search: contact", db => Search(db, contact), c => RawSearchAsync(c, "k.Name LIKE @q",
                $"%{contact}%", today)),
            new("staff search: phone", db => Search(db, phone), c => RawSearchAsync(c, "k.Phone = @q", phone, today)),
            new("staff list: all, most urgent first", db => Search(db, null), c => RawSearchAsync(c, "1 = 1", "",
                today)),
            new("overdue board", db => SupervisionStatistics.OverdueAsync(db, calendar, today, page,
                CancellationToken.None), c => RawOverdueAsync(c, today)),
            new("case view (whole aggregate)", db => db.Cases.AsNoTracking().LoadAggregate(caseId),
                c => RawAggregateAsync(c, caseId)),
            new("monthly statistics (last month)", db => SupervisionStatistics.MonthAsync(db, lastMonth.Year,
                lastMonth.Month, CancellationToken.None), c => RawMonthAsync(c, lastMonth)),
            new("callbacks (first page)", db => page.ReadAsync(db.Callbacks.AsNoTracking(), q => q
                .OrderBy(k => k.Status).ThenBy(k => k.DueOn).ThenBy(k => k.Id)
                .Join(db.Cases, k => k.CaseId, k => k.Id, (k, c) => new { k, c.CaseNumber }), CancellationToken.None),
                c => RawCallbacksAsync(c)),
            new("supervision dashboard", db => SupervisionStatistics.DashboardAsync(db, today,
                CancellationToken.None), c => RawDashboardAsync(c)),
        };

        if (only is not null)
            reads = reads.Where(r => r.Name.Contains(only)).ToList();
        Console.WriteLine($"| read ({users} users, {requests} requests) | product p50 ms | product p99 ms " +
                          "| raw p50 ms | raw p99 ms | p99 product/raw |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var read in reads)
        {
            var product = await LoadAsync(users, requests, async () =>
            {
                await using var db = Context(settings, null);
                await read.Product(db);
            });
            var raw = await LoadAsync(users, requests, async () =>
            {
                await using var conn = new MySqlConnection(settings.ConnectionString);
                await conn.OpenAsync();
                await read.Raw(conn);
            });
            Console.WriteLine($"| {read.Name} | {product.P50:F1} | {product.P99:F1} | {raw.P50:F1} | {raw.P99:F1} " +
                              $"| {product.P99 / raw.P99:F2} |");
        }

        Console.WriteLine();
        Console.WriteLine("EXPLAIN of each statement the product sent (table: access type, key, rows examined):");
        foreach (var read in reads)
        {
            var capture = new StatementCapture();
            await using (var db = Context(settings, capture))
                await read.Product(db);
            Console.WriteLine($"- {read.Name}:");
            foreach (var statement in capture.Statements.Where(s => s.Text.TrimStart().StartsWith("SELECT")))
                Console.WriteLine($"  {await ExplainAsync(settings, statement)}");
        }
    }

    private static DaibanDbContext Context(DatabaseSettings settings, StatementCapture? capture)
    {
        var b = new DbContextOptionsBuilder<MySqlDaibanDbContext>();
        DatabaseSetup.ConfigureMySql(b, settings.ConnectionString, settings.ServerVersion,
            new NoticeInterceptor(new Notices()));
        if (capture is not null)
            b.AddInterceptors(capture);
        return new MySqlDaibanDbContext(b.Options);
    }

    private static async Task<(double P50, double P99)> LoadAsync(int users, int requests, Func<Task> call)
    {
        for (var i = 0; i < 3; i++)
            await call();
        var samples = new double[requests];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, users).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < requests)
            {
                var watch = Stopwatch.StartNew();
                await call();
                samples[n] = watch.Elapsed.TotalMilliseconds;
            }
        }));
        Array.Sort(samples);
        return (samples[requests / 2], samples[Math.Min(requests - 1, (int)(requests * 0.99))]);
    }

    private static async Task RawSearchAsync(MySqlConnection conn, string where, string q, DateOnly today)
    {
        var from = "FROM cases c JOIN enterprises e ON e.Id = c.EnterpriseId JOIN projects p ON p.Id = c.ProjectId " +
                   $"LEFT JOIN enterprise_contacts k ON k.Id = c.ApplicantContactId WHERE {where}";
        await ReadAllAsync(conn, $"SELECT COUNT(*) {from}", ("@q", q));
        await ReadAllAsync(conn, "SELECT c.Id, c.CaseNumber, c.Mode, c.Status, c.AgentId, c.AgentName, " +
            "c.SubmittedAt, c.NextDueOn, e.Name, p.Name, k.Name " + from +
            " ORDER BY c.UrgencyDate, c.Id LIMIT 50", ("@q", q));
    }

    private static async Task RawOverdueAsync(MySqlConnection conn, DateOnly today)
    {
        const string from = "FROM case_items i JOIN cases c ON c.Id = i.CaseId WHERE i.RunningDueOn < @today";
        await ReadAllAsync(conn, $"SELECT COUNT(*) {from}", ("@today", today.ToDateTime(TimeOnly.MinValue)));
        await ReadAllAsync(conn, "SELECT i.CaseId, c.CaseNumber, i.ItemCode, i.ItemName, i.DepartmentCode, " +
            $"c.AgentName, i.RunningDueOn {from} ORDER BY i.RunningDueOn, i.Id LIMIT 50",
            ("@today", today.ToDateTime(TimeOnly.MinValue)));
        await ReadAllAsync(conn, "SELECT Code, Name FROM departments");
    }

    private static async Task RawAggregateAsync(MySqlConnection conn, long id)
    {
        await ReadAllAsync(conn, "SELECT * FROM cases WHERE Id = @id", ("@id", id));
        foreach (var table in new[] { "case_items", "case_transitions", "case_assignments", "service_plans",
                     "case_log_entries", "case_materials", "case_parcels", "case_deliveries", "case_evaluations" })
            await ReadAllAsync(conn, $"SELECT * FROM {table} WHERE CaseId = @id", ("@id", id));
    }

    private static async Task RawMonthAsync(MySqlConnection conn, DateOnly month)
    {
        var from = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).UtcDateTime;
        var to = from.AddMonths(1);
        (string, object)[] range = [("@from", from), ("@to", to)];
        await ReadAllAsync(conn, "SELECT AgentId, COUNT(*) FROM case_assignments WHERE AssignedAt >= @from " +
            "AND AssignedAt < @to GROUP BY AgentId", range);
        await ReadAllAsync(conn, "SELECT AgentId, COUNT(*) FROM cases WHERE DeliveredAt >= @from " +
            "AND DeliveredAt < @to GROUP BY AgentId", range);
        await ReadAllAsync(conn, "SELECT AgentId, Overall, COUNT(*) FROM case_evaluations WHERE EvaluatedAt >= @from " +
            "AND EvaluatedAt < @to GROUP BY AgentId, Overall", range);
        await ReadAllAsync(conn, "SELECT c.AgentId, i.DueOn, i.DecidedAt FROM case_items i " +
            "JOIN cases c ON c.Id = i.CaseId WHERE i.DecidedAt >= @from AND i.DecidedAt < @to " +
            "AND i.DueOn IS NOT NULL", range);
        await ReadAllAsync(conn, "SELECT * FROM staff ORDER BY Id");
    }

    private static async Task RawCallbacksAsync(MySqlConnection conn)
    {
        await ReadAllAsync(conn, "SELECT COUNT(*) FROM callbacks");
        await ReadAllAsync(conn, "SELECT k.*, c.CaseNumber FROM callbacks k JOIN cases c ON c.Id = k.CaseId " +
            "ORDER BY k.Status, k.DueOn, k.Id LIMIT 50");
    }

    private static async Task RawDashboardAsync(MySqlConnection conn)
    {
        await ReadAllAsync(conn, "SELECT Overall, COUNT(*) FROM case_evaluations GROUP BY Overall");
        await ReadAllAsync(conn, "SELECT c.AgentId, i.DepartmentCode, COUNT(*), " +
            "SUM(DATE(CONVERT_TZ(i.DecidedAt, '+00:00', '+08:00')) <= i.DueOn) FROM case_items i " +
            "JOIN cases c ON c.Id = i.CaseId WHERE i.Status IN ('Approved', 'Refused') AND i.DecidedAt IS NOT NULL " +
            "GROUP BY c.AgentId, i.DepartmentCode");
        await ReadAllAsync(conn, "SELECT AgentId, COUNT(*) FROM cases WHERE Status NOT IN " +
            "('Archived', 'Withdrawn', 'Rejected') GROUP BY AgentId");
    }

    private static async Task ReadAllAsync(MySqlConnection conn, string sql, params (string Name, object Value)[] args)
    {
        await using var cmd = new MySqlCommand(sql, conn);
        foreach (var (name, value) in args)
            cmd.Parameters.AddWithValue(name, value);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static async Task<string> ExplainAsync(DatabaseSettings settings, Statement statement)
    {
        await using var conn = new MySqlConnection(settings.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new MySqlCommand("EXPLAIN " + statement.Text, conn);
        foreach (var (name, value) in statement.Parameters)
            cmd.Parameters.AddWithValue(name, value);
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add($"{reader["table"]}: {reader["type"]}, {reader["key"]}, {reader["rows"]}");
        return string.Join(" | ", rows);
    }

    private sealed record Statement(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

    private sealed class StatementCapture : DbCommandInterceptor
    {
        public List<Statement> Statements { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Statements.Add(new Statement(command.CommandText, command.Parameters.Cast<DbParameter>()
                .Select(p => (p.ParameterName, p.Value)).ToList()));
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }
    }
}
