using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using static NewsQA.Storage.Embedded.SqliteCommands;
using static NewsQA.Storage.Embedded.SqliteRows;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// The in-memory mirror of the store (document summaries and the dense index): loaded at start, and reloaded
/// when another process sharing the data directory has written since this one last looked. Writes of this process
/// update it after they commit, under the store's write gate, which reloads take too.
/// </summary>
internal sealed partial class StoreMirror(int quantizedSearchFrom, SemaphoreSlim writeGate, ILogger logger) : IDisposable
{
    private readonly ReaderWriterLockSlim denseLock = new();
    private DenseIndex dense = new(quantizedSearchFrom);
    private ConcurrentDictionary<string, DocumentSummary> summaries = new(StringComparer.Ordinal);

    // Bumped by every write transaction of any process: the CLI and the API share a data directory, and a
    // generation this process did not write means its in-memory summaries and vectors must be reloaded.
    private long knownGeneration;

    /// <summary>The documents' summaries by id, as last loaded or written.</summary>
    public ConcurrentDictionary<string, DocumentSummary> Summaries => summaries;

    /// <summary>The write generation the mirror reflects.</summary>
    public long KnownGeneration => Volatile.Read(ref knownGeneration);

    public int VectorCount => dense.Count;

    /// <summary>
    /// Fills fresh in-memory summaries and vector matrix from the file (what a restart costs) and swaps them in,
    /// so concurrent readers see either the old state or the new one, never a half-loaded one.
    /// </summary>
    public async Task LoadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var generation = await WriteGeneration.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var loadedSummaries = new ConcurrentDictionary<string, DocumentSummary>(StringComparer.Ordinal);
        await using (var docs = Command(connection, null, "SELECT id, title, url, published, source, chunk_count, language, story_id FROM documents"))
        await using (var reader = await docs.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var s = new DocumentSummary(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), ParseDate(NullableString(reader, 3)), NullableString(reader, 4), reader.GetInt32(5), reader.GetString(6)) { StoryId = NullableString(reader, 7) ?? reader.GetString(0) };
                loadedSummaries[s.Id] = s;
            }
        }

        var loadedDense = new DenseIndex(quantizedSearchFrom);
        await using (var vectors = Command(connection, null, "SELECT rowid, document_id, vector FROM chunks WHERE vector IS NOT NULL ORDER BY rowid"))
        await using (var rows = await vectors.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var bytes = (byte[])rows.GetValue(2);
                loadedDense.Add(rows.GetInt64(0), rows.GetString(1), MemoryMarshal.Cast<byte, float>(bytes));
                if (loadedDense.Count == 1)
                {
                    // Every chunk of a store with a model has a vector: sizing the matrix for all of them once the first
                    // vector gives its dimension spares the growth's copies of the whole matrix. Counted here, so a
                    // lexical-only store's start neither counts nor reserves.
                    loadedDense.Reserve((int)await ScalarAsync(connection, "SELECT count(*) FROM chunks", cancellationToken).ConfigureAwait(false));
                }
            }
        }

        WithDenseWrite(() =>
        {
            summaries = loadedSummaries;
            dense = loadedDense;
            knownGeneration = generation;
        });
    }

    /// <summary>Reloads when another process (the CLI, another API on the same directory) has written since we last looked.</summary>
    public async Task RefreshIfChangedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (await WriteGeneration.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false) == Volatile.Read(ref knownGeneration))
        {
            return;
        }

        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await WriteGeneration.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false) != Volatile.Read(ref knownGeneration))
            {
                LogReloading(logger);
                await LoadAsync(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// After our own commit: if the generation before it was not the one we knew, someone else wrote in between and
    /// our incremental update would miss their change, so everything is reloaded instead. Returns true when it reloaded.
    /// </summary>
    public async Task<bool> ReloadIfWrittenElsewhereAsync(SqliteConnection connection, long generationBefore, CancellationToken cancellationToken)
    {
        if (generationBefore == Volatile.Read(ref knownGeneration))
        {
            Volatile.Write(ref knownGeneration, generationBefore + 1);
            return false;
        }

        LogReloading(logger);
        await LoadAsync(connection, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A document written by this process: its summary, and its chunks' vectors in place of its old ones.</summary>
    public void Upserted(DocumentSummary summary, List<long> oldRows, List<(long RowId, ReadOnlyMemory<float>? Vector)> newRows)
    {
        summaries[summary.Id] = summary;
        WithDenseWrite(() =>
        {
            oldRows.ForEach(dense.Remove);
            foreach (var (rowId, vector) in newRows)
            {
                if (vector is { Length: > 0 } v)
                {
                    dense.Add(rowId, summary.Id, v.Span);
                }
            }
        });
    }

    /// <summary>A document deleted by this process, with the row ids its chunks had.</summary>
    public void Deleted(string documentId, List<long> rows)
    {
        summaries.TryRemove(documentId, out _);
        WithDenseWrite(() => rows.ForEach(dense.Remove));
    }

    /// <summary>Every vector dropped by this process (a model reset).</summary>
    public void VectorsDropped() => WithDenseWrite(dense.Clear);

    /// <summary>
    /// The <paramref name="top"/> rows nearest <paramref name="query"/> among those <paramref name="allowed"/> passes;
    /// throws <see cref="StoreUnavailableException"/> when the stored vectors have another dimension.
    /// </summary>
    public List<(long RowId, float Score)> SearchDense(ReadOnlySpan<float> query, Func<string, bool>? allowed, int top)
    {
        denseLock.EnterReadLock();
        try
        {
            if (dense.Count == 0)
            {
                return [];
            }

            if (dense.Dimensions != query.Length)
            {
                throw new StoreUnavailableException($"The query vector has {query.Length} dimensions but stored vectors have {dense.Dimensions}; run 'newsqa reindex'.") { Component = "embedded store" };
            }

            return dense.Search(query, allowed, top);
        }
        finally
        {
            denseLock.ExitReadLock();
        }
    }

    public void Dispose() => denseLock.Dispose();

    private void WithDenseWrite(Action action)
    {
        denseLock.EnterWriteLock();
        try
        {
            action();
        }
        finally
        {
            denseLock.ExitWriteLock();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store changed by another process; reloading documents and vectors")]
    private static partial void LogReloading(ILogger logger);
}
