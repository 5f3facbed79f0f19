using System.Data;
using System.Data.Common;
using Daiban.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MySqlConnector;

namespace Daiban.Core.Inbound;

/// <summary>
/// Stores pushes many at a time in one transaction on one connection it keeps open, and says which rows were new.
/// EF's change tracking and a context per batch are left out on purpose: a push is written once and never updated
/// by this path, and that bookkeeping cost more than everything else a push does. Table, columns and value
/// conversions come from the EF model, so the two stay one.
/// On MariaDB a batch is one multi-row insert (one round trip); when it meets a de-duplication key already stored,
/// that statement alone fails (both databases keep the transaction) and the batch is inserted row by row to tell
/// the new rows from the repeats. On SQLite every row is its own statement. No other violation is silently skipped, as INSERT IGNORE / OR IGNORE would.
/// A push whose work is only database work can have it done in the same transaction (<c>alsoInTransaction</c>,
/// through the writer's context): it is then stored and worked together or not at all.
/// One writer serves one loop at a time; it is not thread-safe.
/// </summary>
public sealed class InboundMessageWriter : IAsyncDisposable
{
    private readonly DaibanDbContext _db;
    private readonly IProperty[] _columns;
    private readonly string _insertInto;
    private readonly ISqlGenerationHelper _sql;
    private readonly Dictionary<int, string> _statements = [];
    // Parameter names by row and column, built once: binding is on every push's path.
    private readonly List<string[]> _parameterNames = [];
    private readonly bool _oneRowPerStatement;

    /// <param name="db">A context given to the writer for its lifetime: its connection stays open until disposal.</param>
    public InboundMessageWriter(DaibanDbContext db)
    {
        _db = db;
        // A failed batch is rolled back as a whole and written again: savepoints around its EF work would buy nothing.
        db.Database.AutoSavepointsEnabled = false;
        var entity = db.Model.FindEntityType(typeof(InboundMessage)) ?? throw new InvalidOperationException("InboundMessage is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _sql = db.GetService<ISqlGenerationHelper>();
        _columns = entity.GetProperties().Where(p => !p.IsPrimaryKey()).ToArray();
        // SQLite is a library call, not a round trip, and looks parameters up by name in a list: one short prepared
        // statement per row is cheapest there. MariaDB gets the whole batch in one statement, one round trip.
        _oneRowPerStatement = db.Database.IsSqlite();
        _insertInto = $"INSERT INTO {_sql.DelimitIdentifier(table.Name)} ({string.Join(", ", _columns.Select(c => _sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
    }

    /// <returns>
    /// For each message, true when it was stored now, false when its de-duplication key already was — in the
    /// database or earlier in the same batch (WeChat's copies of one push often arrive together).
    /// </returns>
    public Task<bool[]> InsertNewAsync(IReadOnlyList<InboundMessage> messages, CancellationToken ct) => InsertNewAsync(messages, null, ct);

    /// <param name="alsoInTransaction">
    /// Given the writer's context and the rows stored now (not the repeats), makes the changes that belong with
    /// them; they are saved in the same transaction. Called again if the transaction is written again.
    /// </param>
    public async Task<bool[]> InsertNewAsync(IReadOnlyList<InboundMessage> messages,
        Func<DaibanDbContext, IReadOnlyList<InboundMessage>, CancellationToken, Task>? alsoInTransaction, CancellationToken ct)
    {
        var keys = new HashSet<string>(messages.Count, StringComparer.Ordinal);
        var firsts = new List<int>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
            if (keys.Add(messages[i].DeduplicationKey))
                firsts.Add(i);
        if (firsts.Count == messages.Count)
            return await InsertDistinctAsync(messages, alsoInTransaction, ct);
        var storedFirsts = await InsertDistinctAsync(firsts.ConvertAll(i => messages[i]), alsoInTransaction, ct);
        var stored = new bool[messages.Count];
        for (var i = 0; i < firsts.Count; i++)
            stored[firsts[i]] = storedFirsts[i];
        return stored;
    }

    /// <summary>
    /// MariaDB may pick this batch as the victim when another transaction (a batch being written at the same time,
    /// here or on another instance) inserts some of the same keys in another order: the whole transaction is rolled
    /// back, so it is simply written again, and by then the other one's rows are there to be found as repeats.
    /// The same holds for the work done alongside: a row it adds that another transaction added first (a duplicate
    /// key) or a row another transaction changed meanwhile (a concurrency conflict) is found as it now is next time.
    /// </summary>
    private Task<bool[]> InsertDistinctAsync(IReadOnlyList<InboundMessage> messages,
        Func<DaibanDbContext, IReadOnlyList<InboundMessage>, CancellationToken, Task>? alsoInTransaction, CancellationToken ct)
        => WriteConflicts.RetryAsync(_ => InsertInOneTransactionAsync(messages, alsoInTransaction, ct), MaxAttempts,
            pauseSpreadMs: 4, ct, IsWorthWritingAgain);

    // Conflicts are between batches of the same moments (a user answering two popups at once, WeChat's copies), so a
    // few rewrites settle them; past this the pushes fail and WeChat delivers them again later.
    private const int MaxAttempts = 10;

    /// <summary>A lost race, or a copy of the batch another writer stored first.</summary>
    private static bool IsWorthWritingAgain(Exception e)
    {
        if (WriteConflicts.IsLostRace(e))
            return true;
        for (Exception? next = e; next is not null; next = next.InnerException)
        {
            if (next is DbUpdateException { InnerException: DbException inner } && IsDuplicateKey(inner))
                return true;
        }
        return false;
    }

    private async Task<bool[]> InsertInOneTransactionAsync(IReadOnlyList<InboundMessage> messages,
        Func<DaibanDbContext, IReadOnlyList<InboundMessage>, CancellationToken, Task>? alsoInTransaction, CancellationToken ct)
    {
        var stored = new bool[messages.Count];
        if (messages.Count == 0)
            return stored;
        var connection = _db.Database.GetDbConnection();
        if (connection.State == ConnectionState.Broken)
            await _db.Database.CloseConnectionAsync();
        if (connection.State != ConnectionState.Open)
            await _db.Database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var rowsPerStatement = _oneRowPerStatement ? 1 : messages.Count;
        for (var first = 0; first < messages.Count; first += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, messages.Count - first);
            try
            {
                Bind(command, messages, first, count);
                await command.ExecuteNonQueryAsync(ct);
                stored.AsSpan(first, count).Fill(true);
            }
            catch (DbException e) when (IsDuplicateKey(e) && count == 1)
            {
                stored[first] = false;
            }
            catch (DbException e) when (IsDuplicateKey(e))
            {
                for (var row = first; row < first + count; row++)
                {
                    Bind(command, messages, row, 1);
                    try
                    {
                        stored[row] = await command.ExecuteNonQueryAsync(ct) == 1;
                    }
                    catch (DbException again) when (IsDuplicateKey(again))
                    {
                        stored[row] = false;
                    }
                }
            }
        }
        if (alsoInTransaction is not null && stored.Contains(true))
            await SaveAlongsideAsync(alsoInTransaction, transaction, messages.Where((_, i) => stored[i]).ToList(), ct);
        await transaction.CommitAsync(ct);
        return stored;
    }

    private async Task SaveAlongsideAsync(Func<DaibanDbContext, IReadOnlyList<InboundMessage>, CancellationToken, Task> work, DbTransaction transaction,
        IReadOnlyList<InboundMessage> stored, CancellationToken ct)
    {
        await _db.Database.UseTransactionAsync(transaction, ct);
        try
        {
            await work(_db, stored, ct);
            await _db.SaveChangesAsync(ct);
        }
        finally
        {
            // The context outlives the batch: nothing it tracked may leak into the next one, or into a retry of this one.
            _db.ChangeTracker.Clear();
            await _db.Database.UseTransactionAsync(null, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync() => await _db.Database.CloseConnectionAsync();

    private void Bind(DbCommand command, IReadOnlyList<InboundMessage> messages, int first, int count)
    {
        command.CommandText = Statement(count);
        command.Parameters.Clear();
        for (var row = 0; row < count; row++)
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(command, ParameterNames(row)[i],
                column.GetGetter().GetClrValue(messages[first + row]), column.IsNullable));
        }
    }

    private string[] ParameterNames(int row)
    {
        while (_parameterNames.Count <= row)
        {
            var next = _parameterNames.Count;
            _parameterNames.Add(_columns.Select((_, i) => _sql.GenerateParameterName($"p{next}_{i}")).ToArray());
        }
        return _parameterNames[row];
    }

    private string Statement(int rows)
    {
        if (!_statements.TryGetValue(rows, out var text))
        {
            var values = Enumerable.Range(0, rows).Select(row =>
                $"({string.Join(", ", _columns.Select((_, i) => _sql.GenerateParameterNamePlaceholder($"p{row}_{i}")))})");
            _statements[rows] = text = _insertInto + string.Join(", ", values);
        }
        return text;
    }

    private static bool IsDuplicateKey(DbException e) =>
        e is SqliteException { SqliteExtendedErrorCode: 2067 /* SQLITE_CONSTRAINT_UNIQUE */ }
            or MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry };
}
