using Microsoft.Data.Sqlite;

namespace NewsQA.Hosting.Selection;

/// <summary>
/// Which read failures mean the store's file itself is damaged, not that it is busy, full or unreachable: SQLite's
/// SQLITE_CORRUPT (11, "database disk image is malformed") and SQLITE_NOTADB (26), whether raw or inside the
/// <see cref="NewsQA.Core.Storage.StoreUnavailableException"/> a store mapped it to.
/// </summary>
internal static class StoreDamage
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteCorrupt or SqliteNotADatabase })
            {
                return true;
            }
        }

        return false;
    }
}
