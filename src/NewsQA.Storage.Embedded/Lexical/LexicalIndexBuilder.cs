using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// Brings the Lucene index to what SQLite holds, for <see cref="LexicalIndexSync"/> (which holds the store's write gate
/// while these run): a catch-up replays the documents the log names since the index's last applied change (each
/// replaced by its stored version, or removed when it is gone); a rebuild indexes every stored document afresh.
/// </summary>
internal sealed partial class LexicalIndexBuilder(LuceneIndex index, StoredDocuments stored, ILogger logger)
{
    private const int Batch = 200;

    public async Task CatchUpAsync(SqliteConnection connection, CancellationToken ct)
    {
        var (ids, through) = await LexicalLog.ChangedSinceAsync(connection, index.Applied, ct).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var batch in ids.Chunk(Batch))
        {
            var present = await stored.ReadAsync(connection, batch, ct).ConfigureAwait(false);
            foreach (var id in batch.Except(present.Select(p => p.Id), StringComparer.Ordinal))
            {
                index.Apply(id, [], 0);
            }

            foreach (var (id, chunks) in present)
            {
                index.Apply(id, chunks, 0);
            }
        }

        index.AppliedThrough(through);
        LogCaughtUp(logger, ids.Count);
    }

    public async Task<int> RebuildAsync(SqliteConnection connection, string storeId, CancellationToken ct)
    {
        var through = await LexicalLog.LatestAsync(connection, ct).ConfigureAwait(false);
        index.Recreate();
        var count = 0;
        long after = 0;
        while (true)
        {
            var (page, last) = await stored.PageAsync(connection, after, Batch, ct).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var (id, chunks) in page)
            {
                index.Apply(id, chunks, 0);
            }

            count += page.Count;
            after = last;
        }

        index.AppliedThrough(through);
        index.Commit(storeId);
        LogRebuilt(logger, count);
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lexical index rebuilt: {Documents} documents")]
    private static partial void LogRebuilt(ILogger logger, int documents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lexical index caught up with {Documents} changed documents")]
    private static partial void LogCaughtUp(ILogger logger, int documents);
}
