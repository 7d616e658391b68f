using Microsoft.Data.Sqlite;
using NewsQA.Core.Search.Analysis;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// The grams field of lexical search (<see cref="TermGrams"/>): an FTS5 table beside <c>chunk_terms</c>, rowid = the
/// chunk's rowid, written and deleted with it. Underscores mark a gram's term edges, hence the table's token characters.
/// </summary>
internal static class ChunkGrams
{
    public static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction tx) =>
        Command(connection, tx, "INSERT INTO chunk_grams (rowid, grams) VALUES ($rowid, $grams)");

    public static async Task InsertAsync(SqliteCommand insert, long rowId, IEnumerable<string> terms, CancellationToken cancellationToken)
    {
        insert.Parameters.Clear();
        insert.Parameters.AddWithValue("$rowid", rowId);
        insert.Parameters.AddWithValue("$grams", string.Join(' ', TermGrams.Of(terms)));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A store written before the grams field existed gets it once from its chunks' stored terms, in one transaction
    /// with the flag that says so (a crash midway leaves neither, and the next open starts again).
    /// </summary>
    public static async Task BackfillAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var tx = connection.BeginTransaction(deferred: false);
        await using (var done = Command(connection, tx, "SELECT 1 FROM meta WHERE key = 'chunk_grams'"))
        {
            if (await done.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }
        }

        var rows = new List<(long RowId, string Terms)>();
        await using (var select = Command(connection, tx, "SELECT rowid, terms FROM chunk_terms WHERE rowid NOT IN (SELECT rowid FROM chunk_grams)"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        await using (var insert = Insert(connection, tx))
        {
            foreach (var (rowId, terms) in rows)
            {
                await InsertAsync(insert, rowId, terms.Split(' ', StringSplitOptions.RemoveEmptyEntries), cancellationToken).ConfigureAwait(false);
            }
        }

        await using (var flag = Command(connection, tx, "INSERT OR IGNORE INTO meta (key, value) VALUES ('chunk_grams', '1')"))
        {
            await flag.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
