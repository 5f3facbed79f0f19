using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Daiban.Core.Persistence;

/// <summary>How a save that lost a race to another writer shows, and the one way the loser writes again.</summary>
public static class WriteConflicts
{
    /// <summary>
    /// A deadlock the database broke, or a row version another save changed first. EF wraps the database's answer
    /// (and Pomelo wraps a deadlock once more): the whole chain is read.
    /// </summary>
    public static bool IsLostRace(Exception e)
    {
        for (Exception? next = e; next is not null; next = next.InnerException)
        {
            if (next is MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock } or DbUpdateConcurrencyException)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Runs <paramref name="write"/> (given the attempt number, from 1) until it stops losing races, at most
    /// <paramref name="attempts"/> times; the last failure is thrown. Between tries a short random pause, growing
    /// with the attempt, keeps writers that met on the same rows from meeting again in step. A write that needs to
    /// read again after losing does so when its attempt number is above 1.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<int, Task<T>> write, int attempts, int pauseSpreadMs,
        CancellationToken ct, Func<Exception, bool>? worthRetrying = null)
    {
        worthRetrying ??= IsLostRace;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write(attempt);
            }
            catch (Exception e) when (attempt < attempts && worthRetrying(e))
            {
                await Task.Delay(Random.Shared.Next(1, pauseSpreadMs * attempt), ct);
            }
        }
    }
}
