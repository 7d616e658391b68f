using Microsoft.Data.Sqlite;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// The store's write generation in <c>meta</c>: bumped by every write transaction of any process, so a process that
/// finds a generation it did not write knows its in-memory mirror (<see cref="StoreMirror"/>) is stale.
/// </summary>
internal static class WriteGeneration
{
    /// <summary>Increments the shared write generation inside a write transaction; returns its value before.</summary>
    public static async Task<long> BumpAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation' RETURNING value");
        var after = Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        return after - 1;
    }

    public static async Task<long> ReadAsync(SqliteConnection connection, SqliteTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, "SELECT value FROM meta WHERE key = 'generation'");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
