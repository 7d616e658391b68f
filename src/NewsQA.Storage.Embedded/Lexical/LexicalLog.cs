using System.Globalization;
using Microsoft.Data.Sqlite;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// The changes the Lucene index (derived data) has still to apply, in SQLite (the source of truth): every write of a
/// document appends its id with the next sequence number inside the transaction that writes it, so a change is either
/// committed with its log entry or not at all. The index records the last sequence number it applied; entries up to
/// the one it has committed are pruned, and <c>meta.lexical_pruned_through</c> says how far, so an index older than
/// that (restored from a backup, deleted) knows it must be rebuilt rather than caught up.
/// </summary>
internal static class LexicalLog
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS lexical_log (
            seq         INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id TEXT NOT NULL
        );
        INSERT OR IGNORE INTO meta (key, value) VALUES ('lexical_pruned_through', '0');
        INSERT OR IGNORE INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
        """;

    /// <summary>Records a change of <paramref name="documentId"/> inside the transaction that makes it; returns its sequence number.</summary>
    public static async Task<long> AppendAsync(SqliteConnection connection, SqliteTransaction tx, string documentId, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, "INSERT INTO lexical_log (document_id) VALUES ($id) RETURNING seq");
        cmd.Parameters.AddWithValue("$id", documentId);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>The newest sequence number written, or what was pruned when the log is empty.</summary>
    public static async Task<long> LatestAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, null, "SELECT max(coalesce((SELECT max(seq) FROM lexical_log), 0), (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'lexical_pruned_through'))");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public static async Task<long> PrunedThroughAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        long.Parse(await MetaAsync(connection, "lexical_pruned_through", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

    /// <summary>The store file's identity: an index built from another file (a swapped or restored database) is rebuilt.</summary>
    public static Task<string> StoreIdAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        MetaAsync(connection, "store_id", cancellationToken);

    /// <summary>The distinct documents changed after <paramref name="applied"/>, with the newest sequence number read.</summary>
    public static async Task<(IReadOnlyList<string> DocumentIds, long Through)> ChangedSinceAsync(SqliteConnection connection, long applied, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var through = applied;
        await using var cmd = Command(connection, null, "SELECT seq, document_id FROM lexical_log WHERE seq > $applied ORDER BY seq");
        cmd.Parameters.AddWithValue("$applied", applied);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            through = reader.GetInt64(0);
            if (seen.Add(reader.GetString(1)))
            {
                ids.Add(reader.GetString(1));
            }
        }

        return (ids, through);
    }

    /// <summary>Drops the entries the index has committed; they are never needed again.</summary>
    public static async Task PruneAsync(SqliteConnection connection, long committed, CancellationToken cancellationToken)
    {
        await using var tx = connection.BeginTransaction(deferred: false);
        await using (var cmd = Command(connection, tx, "DELETE FROM lexical_log WHERE seq <= $seq; UPDATE meta SET value = $seq WHERE key = 'lexical_pruned_through' AND CAST(value AS INTEGER) < $seq"))
        {
            cmd.Parameters.AddWithValue("$seq", committed);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> MetaAsync(SqliteConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, null, "SELECT value FROM meta WHERE key = $key");
        cmd.Parameters.AddWithValue("$key", key);
        return (string)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
