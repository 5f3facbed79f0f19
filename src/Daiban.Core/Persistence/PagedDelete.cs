using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Daiban.Core.Persistence;

/// <summary>
/// Deletes what a query selects page by page, so neither a long lock nor a large transaction meets the writes
/// arriving meanwhile. Keys first, then a delete by key: MariaDB takes no LIMIT in the subquery a paged
/// ExecuteDelete would need.
/// </summary>
public static class PagedDelete
{
    /// <returns>How many rows were deleted.</returns>
    public static async Task<int> RunAsync<T, TKey>(IQueryable<T> rows, IQueryable<T> table, Expression<Func<T, TKey>> key,
        int pageSize, CancellationToken ct) where T : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var deleted = 0;
        while (true)
        {
            var keys = await rows.Select(key).Take(pageSize).ToListAsync(ct);
            if (keys.Count == 0)
                return deleted;
            deleted += await table.Where(In(keys, key)).ExecuteDeleteAsync(ct);
            if (keys.Count < pageSize)
                return deleted;
        }
    }

    // keys.Contains(key(row)), which EF translates to IN (...).
    private static Expression<Func<T, bool>> In<T, TKey>(List<TKey> keys, Expression<Func<T, TKey>> key) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)], Expression.Constant(keys),
                key.Body), key.Parameters);
}
