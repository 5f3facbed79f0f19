using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Daiban.Core.Persistence;

/// <summary>How a save that lost a race to another writer shows, so the one who lost can read again and retry.</summary>
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
}
