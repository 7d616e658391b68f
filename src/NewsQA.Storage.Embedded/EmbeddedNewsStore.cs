using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// The default store: one SQLite file in the data directory holding documents, chunks, vectors and an
/// FTS5 index of German-analyzed terms (ranked by FTS5's BM25). Vectors are also held in memory in a
/// <see cref="DenseIndex"/> for exact scans. Writes are serialized; each document is one transaction.
/// </summary>
public sealed partial class EmbeddedNewsStore(IOptions<EmbeddedStoreOptions> options, ILogger<EmbeddedNewsStore> logger) : INewsStore, IDisposable
{
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly SemaphoreSlim initGate = new(1, 1);
    private readonly ReaderWriterLockSlim denseLock = new();
    private DenseIndex dense = new(options.Value.QuantizedSearchFrom);
    private ConcurrentDictionary<string, DocumentSummary> summaries = new(StringComparer.Ordinal);

    // Bumped by every write transaction of any process: the CLI and the API share a data directory, and a
    // generation this process did not write means its in-memory summaries and vectors must be reloaded.
    private long knownGeneration;
    private string? connectionString;

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (connectionString is not null)
            {
                return;
            }

            var file = options.Value.DatabaseFile;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                var cs = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
                await using var connection = new SqliteConnection(cs);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, SqliteSchema.Pragmas, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, SqliteSchema.Create, cancellationToken).ConfigureAwait(false);
                await LoadAsync(connection, cancellationToken).ConfigureAwait(false);
                connectionString = cs;
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
            {
                throw new StoreUnavailableException($"The embedded store at '{file}' cannot be opened: {ex.Message}", ex) { Component = "embedded store" };
            }

            LogOpened(logger, file, summaries.Count, dense.Count);
        }
        finally
        {
            initGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task UpsertAsync(NewsDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = connection.BeginTransaction(deferred: false);
            var generation = await BumpGenerationAsync(connection, tx, cancellationToken).ConfigureAwait(false);
            var oldRows = await DeleteChunksAsync(connection, tx, document.Id, cancellationToken).ConfigureAwait(false);

            await using (var upsert = Command(connection, tx, """
                INSERT INTO documents (id, title, url, published, published_from, published_to, source, text, content_hash, chunk_count, updated_at)
                VALUES ($id, $title, $url, $published, $from, $to, $source, $text, $hash, $chunks, $now)
                ON CONFLICT(id) DO UPDATE SET title = excluded.title, url = excluded.url, published = excluded.published,
                    published_from = excluded.published_from, published_to = excluded.published_to, source = excluded.source,
                    text = excluded.text, content_hash = excluded.content_hash, chunk_count = excluded.chunk_count, updated_at = excluded.updated_at
                """))
            {
                upsert.Parameters.AddWithValue("$id", document.Id);
                upsert.Parameters.AddWithValue("$title", document.Title);
                upsert.Parameters.AddWithValue("$url", (object?)document.Url ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$published", (object?)document.PublishedAt?.ToString() ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$from", (object?)document.PublishedAt?.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$to", (object?)document.PublishedAt?.Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$source", (object?)document.Source ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$text", document.Text);
                upsert.Parameters.AddWithValue("$hash", document.ContentHash);
                upsert.Parameters.AddWithValue("$chunks", chunks.Count);
                upsert.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var newRows = new List<(long RowId, ReadOnlyMemory<float>? Vector)>(chunks.Count);
            await using (var insertChunk = Command(connection, tx, "INSERT INTO chunks (id, document_id, idx, start, end, text, vector) VALUES ($id, $doc, $idx, $start, $end, $text, $vector) RETURNING rowid"))
            await using (var insertTerms = Command(connection, tx, "INSERT INTO chunk_terms (rowid, terms) VALUES ($rowid, $terms)"))
            {
                foreach (var indexed in chunks)
                {
                    var c = indexed.Chunk;
                    insertChunk.Parameters.Clear();
                    insertChunk.Parameters.AddWithValue("$id", c.Id);
                    insertChunk.Parameters.AddWithValue("$doc", document.Id);
                    insertChunk.Parameters.AddWithValue("$idx", c.Index);
                    insertChunk.Parameters.AddWithValue("$start", c.Span.Start);
                    insertChunk.Parameters.AddWithValue("$end", c.Span.End);
                    insertChunk.Parameters.AddWithValue("$text", c.Text);
                    insertChunk.Parameters.AddWithValue("$vector", indexed.Vector is { Length: > 0 } v ? MemoryMarshal.AsBytes(v.Span).ToArray() : DBNull.Value);
                    var rowId = (long)(await insertChunk.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

                    insertTerms.Parameters.Clear();
                    insertTerms.Parameters.AddWithValue("$rowid", rowId);
                    insertTerms.Parameters.AddWithValue("$terms", string.Join(' ', indexed.Terms));
                    await insertTerms.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    newRows.Add((rowId, indexed.Vector));
                }
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (await ReloadIfWrittenElsewhereAsync(connection, generation, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            summaries[document.Id] = new DocumentSummary(document.Id, document.Title, document.Url, document.PublishedAt, document.Source, chunks.Count);
            WithDenseWrite(() =>
            {
                oldRows.ForEach(dense.Remove);
                foreach (var (rowId, vector) in newRows)
                {
                    if (vector is { Length: > 0 } v)
                    {
                        dense.Add(rowId, document.Id, v.Span);
                    }
                }
            });
        }
        catch (SqliteException ex)
        {
            throw Unavailable("write", ex);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = connection.BeginTransaction(deferred: false);
            var generation = await BumpGenerationAsync(connection, tx, cancellationToken).ConfigureAwait(false);
            var rows = await DeleteChunksAsync(connection, tx, documentId, cancellationToken).ConfigureAwait(false);
            await using var delete = Command(connection, tx, "DELETE FROM documents WHERE id = $id");
            delete.Parameters.AddWithValue("$id", documentId);
            var deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (await ReloadIfWrittenElsewhereAsync(connection, generation, cancellationToken).ConfigureAwait(false))
            {
                return deleted;
            }

            summaries.TryRemove(documentId, out _);
            WithDenseWrite(() => rows.ForEach(dense.Remove));
            return deleted;
        }
        catch (SqliteException ex)
        {
            throw Unavailable("delete", ex);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<NewsDocument?> GetAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT id, title, url, published, source, text, content_hash FROM documents WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", documentId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new NewsDocument(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), ParseDate(NullableString(reader, 3)), NullableString(reader, 4), reader.GetString(5), reader.GetString(6));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT id, document_id, idx, start, end, text FROM chunks WHERE document_id = $id ORDER BY idx");
        cmd.Parameters.AddWithValue("$id", documentId);
        var chunks = new List<Chunk>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            chunks.Add(ReadChunk(reader, 0));
        }

        return chunks;
    }

    /// <inheritdoc/>
    public async Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT content_hash FROM documents WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", documentId);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, string? afterId, CancellationToken cancellationToken = default)
    {
        await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await RefreshIfChangedAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return summaries.Values
            .Where(s => afterId is null || string.CompareOrdinal(s.Id, afterId) > 0)
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <inheritdoc/>
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await RefreshIfChangedAsync(connection, cancellationToken).ConfigureAwait(false);
        var (model, dims) = await ReadModelAsync(connection, null, cancellationToken).ConfigureAwait(false);
        long chunks = summaries.Values.Sum(s => (long)s.Chunks);
        return new StoreStatistics(summaries.Count, chunks, model, dims);
    }

    /// <inheritdoc/>
    public async Task RecordEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = connection.BeginTransaction(deferred: false);
            var (stored, storedDims) = await ReadModelAsync(connection, tx, cancellationToken).ConfigureAwait(false);
            if (stored == modelId && storedDims == dimensions)
            {
                return;
            }

            await using var count = Command(connection, tx, "SELECT COUNT(*) FROM chunks WHERE vector IS NOT NULL");
            var vectors = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            if (stored is not null && vectors > 0)
            {
                throw new EmbeddingModelMismatchException(stored, modelId);
            }

            await using var set = Command(connection, tx, "INSERT INTO meta (key, value) VALUES ('embedding_model', $model), ('embedding_dimensions', $dims) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            set.Parameters.AddWithValue("$model", modelId);
            set.Parameters.AddWithValue("$dims", dimensions.ToString(CultureInfo.InvariantCulture));
            await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task ResetEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = connection.BeginTransaction(deferred: false);
            var generation = await BumpGenerationAsync(connection, tx, cancellationToken).ConfigureAwait(false);
            await using (var clear = Command(connection, tx, "UPDATE chunks SET vector = NULL WHERE vector IS NOT NULL"))
            {
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var set = Command(connection, tx, "INSERT INTO meta (key, value) VALUES ('embedding_model', $model), ('embedding_dimensions', $dims) ON CONFLICT(key) DO UPDATE SET value = excluded.value"))
            {
                set.Parameters.AddWithValue("$model", modelId);
                set.Parameters.AddWithValue("$dims", dimensions.ToString(CultureInfo.InvariantCulture));
                await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (!await ReloadIfWrittenElsewhereAsync(connection, generation, cancellationToken).ConfigureAwait(false))
            {
                WithDenseWrite(dense.Clear);
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ChunkHit>> SearchLexicalAsync(IReadOnlyList<string> queryTerms, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        var match = SqlFilter.FtsQuery(queryTerms);
        if (match is null || top <= 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await RefreshIfChangedAsync(connection, cancellationToken).ConfigureAwait(false);
        var sql = new StringBuilder("""
            SELECT c.id, c.document_id, c.idx, c.start, c.end, c.text, bm25(chunk_terms) AS rank
            FROM chunk_terms JOIN chunks c ON c.rowid = chunk_terms.rowid JOIN documents d ON d.id = c.document_id
            WHERE chunk_terms MATCH $match
            """);
        await using var cmd = Command(connection, null, string.Empty);
        cmd.Parameters.AddWithValue("$match", match);
        SqlFilter.Append(sql, cmd, filter);
        sql.Append(" ORDER BY rank LIMIT $top");
        cmd.Parameters.AddWithValue("$top", top);
        cmd.CommandText = sql.ToString();

        var hits = new List<ChunkHit>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var chunk = ReadChunk(reader, 0);
            if (summaries.TryGetValue(chunk.DocumentId, out var summary))
            {
                // FTS5's bm25() is "lower is better"; the store contract is "higher is better".
                hits.Add(new ChunkHit(chunk, summary, Math.Round(-reader.GetDouble(6), 6)));
            }
        }

        return hits;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ChunkHit>> SearchDenseAsync(ReadOnlyMemory<float> queryVector, SearchFilter filter, int top, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await RefreshIfChangedAsync(connection, cancellationToken).ConfigureAwait(false);
        var summaries = this.summaries;
        Func<string, bool>? allowed = filter == SearchFilter.None ? null : id => summaries.TryGetValue(id, out var s) && filter.Matches(s);
        List<(long RowId, float Score)> found;
        denseLock.EnterReadLock();
        try
        {
            if (dense.Count == 0)
            {
                return [];
            }

            if (dense.Dimensions != queryVector.Length)
            {
                throw new StoreUnavailableException($"The query vector has {queryVector.Length} dimensions but stored vectors have {dense.Dimensions}; run 'newsqa reindex'.") { Component = "embedded store" };
            }

            found = dense.Search(queryVector.Span, allowed, top);
        }
        finally
        {
            denseLock.ExitReadLock();
        }

        if (found.Count == 0)
        {
            return [];
        }

        await using var cmd = Command(connection, null, "SELECT c.id, c.document_id, c.idx, c.start, c.end, c.text, c.rowid FROM chunks c WHERE c.rowid IN (SELECT value FROM json_each($rows))");
        cmd.Parameters.AddWithValue("$rows", JsonSerializer.Serialize(found.Select(f => f.RowId)));
        var byRow = new Dictionary<long, Chunk>();
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                byRow[reader.GetInt64(6)] = ReadChunk(reader, 0);
            }
        }

        var hits = new List<ChunkHit>(found.Count);
        foreach (var (rowId, score) in found)
        {
            // A row deleted between scan and fetch is simply not returned.
            if (byRow.TryGetValue(rowId, out var chunk) && summaries.TryGetValue(chunk.DocumentId, out var summary))
            {
                hits.Add(new ChunkHit(chunk, summary, Math.Round(score, 6)));
            }
        }

        return hits;
    }

    public void Dispose()
    {
        if (connectionString is not null)
        {
            SqliteConnection.ClearAllPools();
        }

        denseLock.Dispose();
        writeGate.Dispose();
        initGate.Dispose();
    }
}
