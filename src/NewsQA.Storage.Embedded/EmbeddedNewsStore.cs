using System.Collections.Concurrent;
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
                await ExecuteAsync(connection, SqliteSchema.BackfillDocumentTerms, cancellationToken).ConfigureAwait(false);
                await BackfillGramsAsync(connection, cancellationToken).ConfigureAwait(false);
                await BackfillLanguagesAsync(connection, cancellationToken).ConfigureAwait(false);
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
    public async Task<NewsDocument?> GetAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT id, title, url, published, source, text, content_hash, language FROM documents WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", documentId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new NewsDocument(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), ParseDate(NullableString(reader, 3)), NullableString(reader, 4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
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
