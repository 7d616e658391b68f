using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// Keeps the Lucene index (<see cref="LuceneIndex"/>) equal to what SQLite holds. A write commits to SQLite first with
/// its log entry (<see cref="LexicalLog"/>), then this process, when it is the index's writer, applies it; whatever was
/// not applied (a kill between the two, a write by another process, an index restored from an older copy) is caught
/// up from the log on start, before a search and every second in the background. An index that cannot be read, belongs
/// to another store file or is older than the log is rebuilt from the stored documents. Commits happen in the background,
/// a second after the last write (or every half minute during a long ingest), so a bulk ingest does not pay one per
/// document; a kill loses only what the log replays. A process that
/// is not the writer (the CLI beside the API) searches the writer's commits, waiting briefly for one that holds every
/// change it knows of.
/// </summary>
internal sealed partial class LexicalIndexSync : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>A bulk ingest commits at most this often: each commit writes a segment that merges must later rewrite.</summary>
    private static readonly TimeSpan CommitWhileWriting = TimeSpan.FromSeconds(30);

    /// <summary>How long a process that is not the writer waits for the writer to commit a change it knows of.</summary>
    private static readonly TimeSpan WriterCommitWait = TimeSpan.FromSeconds(5);

    private readonly EmbeddedDatabase database;
    private readonly LuceneIndex index;
    private readonly LexicalIndexBuilder builder;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private string storeId = string.Empty;
    private Task? committer;
    private volatile Task? rebuilding;

    public LexicalIndexSync(EmbeddedDatabase database, LuceneIndex index, StoredDocuments stored, ILogger logger)
    {
        this.database = database;
        this.index = index;
        builder = new LexicalIndexBuilder(index, stored, logger);
        this.logger = logger;
    }

    public LuceneIndex Index => index;

    /// <summary>Why lexical search cannot answer right now (a rebuild under way), or null; readiness reports it.</summary>
    public string? Problem => rebuilding is { IsCompleted: false } ? "The lexical index is being rebuilt from the stored documents." : null;

    /// <summary>Opens the index on start: caught up when it is this store's and not older than the log, rebuilt otherwise.</summary>
    public async Task OpenAsync(SqliteConnection connection, CancellationToken ct)
    {
        storeId = await LexicalLog.StoreIdAsync(connection, ct).ConfigureAwait(false);
        var pruned = await LexicalLog.PrunedThroughAsync(connection, ct).ConfigureAwait(false);
        string? reason;
        try
        {
            index.Open();
            reason = !index.IsWriter ? null
                : index.CommittedStore is null ? (await HasDocumentsAsync(connection, ct).ConfigureAwait(false) ? "it is new" : null)
                : index.CommittedStore != storeId ? "it was built from another store file"
                : index.CommittedFormat != LuceneIndex.Format ? "it was written by an older version"
                : index.Applied < pruned ? "it is older than the store's change log"
                : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            reason = "it cannot be read (" + ex.GetType().Name + ")";
        }

        if (reason is not null)
        {
            // In the background: a large archive takes minutes, and the service must come up (readiness says why
            // lexical search waits); a small one is rebuilt before a search gives up waiting for it.
            StartRebuild(reason);
        }
        else if (index.IsWriter)
        {
            await CatchUpLockedAsync(connection, ct).ConfigureAwait(false);
        }

        committer ??= Task.Run(() => CommitLoopAsync(stopping.Token), CancellationToken.None);
    }

    /// <summary>After this process committed <paramref name="sequence"/> (under the store's write gate): applies it.</summary>
    public async Task AppliedAsync(SqliteConnection connection, long sequence, string documentId, IEnumerable<Lucene.Net.Documents.Document> chunks, CancellationToken ct)
    {
        if (!index.IsWriter || rebuilding is { IsCompleted: false })
        {
            return;
        }

        if (index.Applied == sequence - 1)
        {
            index.Apply(documentId, chunks, sequence);
        }
        else
        {
            await CatchUpLockedAsync(connection, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Before a search: applies what other processes (or a kill) left in the log, when this process can write the index.</summary>
    public async Task CatchUpAsync(SqliteConnection connection, CancellationToken ct)
    {
        if (rebuilding is { IsCompleted: false })
        {
            return;
        }

        var latest = await LexicalLog.LatestAsync(connection, ct).ConfigureAwait(false);
        if (latest <= index.Applied)
        {
            return;
        }

        if (!index.TryTakeWriter())
        {
            await WaitForWriterAsync(latest, ct).ConfigureAwait(false);
            return;
        }

        await database.WriteGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await CatchUpLockedAsync(connection, ct).ConfigureAwait(false);
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    /// <summary>Waits (briefly) until the writer's commits hold <paramref name="latest"/>; after that, searches what is committed.</summary>
    private async Task WaitForWriterAsync(long latest, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + WriterCommitWait;
        index.RefreshCommitted();
        while (index.Applied < latest && DateTime.UtcNow < deadline && !index.IsWriter)
        {
            await Task.Delay(50, ct).ConfigureAwait(false);
            index.RefreshCommitted();
        }
    }

    /// <summary>Rebuilds the index from the stored documents (<c>newsqa reindex --lexical</c>); returns the documents indexed.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await database.WriteGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await RebuildLockedAsync(connection, ct).ConfigureAwait(false);
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    /// <summary>A search found the index unreadable: rebuild it in the background; searches answer 503 meanwhile.</summary>
    public void Damaged(Exception error) => StartRebuild("a search could not read it (" + error.GetType().Name + ")");

    /// <summary>Waits up to <paramref name="limit"/> for a rebuild under way; <see cref="Problem"/> says whether it finished.</summary>
    public async Task WaitForRebuildAsync(TimeSpan limit, CancellationToken ct)
    {
        if (rebuilding is { IsCompleted: false } running)
        {
            await Task.WhenAny(running, Task.Delay(limit, ct)).ConfigureAwait(false);
        }
    }

    private void StartRebuild(string reason)
    {
        if (rebuilding is { IsCompleted: false })
        {
            return;
        }

        LogRebuilding(logger, reason);
        rebuilding = Task.Run(async () =>
        {
            try
            {
                await RebuildAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRebuildFailed(logger, ex.GetType().Name);
            }
        });
    }

    public void Dispose()
    {
        stopping.Cancel();
        try
        {
            committer?.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Cancelled: the final commit below still runs.
        }

        if (index.IsWriter && index.Uncommitted > 0)
        {
            TryCommit(prune: false);
        }

        index.Dispose();
        stopping.Dispose();
    }

    private Task CatchUpLockedAsync(SqliteConnection connection, CancellationToken ct) => builder.CatchUpAsync(connection, ct);

    private Task<int> RebuildLockedAsync(SqliteConnection connection, CancellationToken ct) => builder.RebuildAsync(connection, storeId, ct);

    private async Task CommitLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Tick);
        var lastCommit = DateTime.UtcNow;
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            if (rebuilding is { IsCompleted: false })
            {
                continue;
            }

            try
            {
                // Changes other processes logged are applied even while no one searches here, so their searches see them.
                await using (var connection = await database.OpenAsync(ct).ConfigureAwait(false))
                {
                    await CatchUpAsync(connection, ct).ConfigureAwait(false);
                }

                var idle = DateTime.UtcNow - index.LastChange >= Tick;
                if (index.IsWriter && index.Uncommitted > 0 && (idle || DateTime.UtcNow - lastCommit >= CommitWhileWriting))
                {
                    TryCommit(prune: true);
                    lastCommit = DateTime.UtcNow;
                }
            }
            catch (Exception ex) when (ex is SqliteException or NewsQA.Core.Storage.StoreUnavailableException or IOException)
            {
                LogCommitFailed(logger, ex.GetType().Name);
            }
        }
    }

    private void TryCommit(bool prune)
    {
        try
        {
            var committed = index.Commit(storeId);
            if (prune)
            {
                using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
                LexicalLog.PruneAsync(connection, committed, CancellationToken.None).GetAwaiter().GetResult();
            }
        }
        catch (Exception ex) when (ex is IOException or SqliteException or NewsQA.Core.Storage.StoreUnavailableException or ObjectDisposedException or InvalidOperationException)
        {
            // Uncommitted changes stay in the log and are applied again on the next start.
            LogCommitFailed(logger, ex.GetType().Name);
        }
    }

    private static async Task<bool> HasDocumentsAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var cmd = SqliteCommands.Command(connection, null, "SELECT EXISTS (SELECT 1 FROM documents)");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the lexical index from the stored documents: {Reason}")]
    private static partial void LogRebuilding(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the lexical index failed ({Error}); run 'newsqa reindex --lexical'")]
    private static partial void LogRebuildFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lexical index commit failed ({Error}); the changes are applied again on the next start")]
    private static partial void LogCommitFailed(ILogger logger, string error);
}
