using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded.Lexical;
using static NewsQA.Storage.Embedded.SqliteCommands;
using static NewsQA.Storage.Embedded.SqliteRows;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// The embedded store's documents and chunks. Each write is one serialized transaction holding the document, its
/// chunks with their vectors, and its entry in the lexical index's log (<see cref="LexicalLog"/>); after it commits it
/// is mirrored into memory and applied to the lexical index. Lists and counts come from the mirror, reloaded first when
/// another process has written.
/// </summary>
internal sealed class EmbeddedDocumentStore(EmbeddedDatabase database) : IDocumentStore
{
    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => database.InitializeAsync(cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// The transaction is IMMEDIATE (it takes SQLite's write lock when it begins), so the look-up of what the id holds
    /// sees every commit of another process before it, and none can come between it and this write.
    /// </remarks>
    public async Task<bool> UpsertAsync(NewsDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken = default)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = connection.BeginTransaction(deferred: false);
            var (exists, storedFileName) = await DocumentRows.FindAsync(connection, tx, document.Id, cancellationToken).ConfigureAwait(false);
            DocumentIdTakenException.ThrowIfTaken(document, storedFileName);
            var generation = await WriteGeneration.BumpAsync(connection, tx, cancellationToken).ConfigureAwait(false);
            var sequence = await LexicalLog.AppendAsync(connection, tx, document.Id, cancellationToken).ConfigureAwait(false);
            var oldRows = await DocumentRows.DeleteChunksAsync(connection, tx, document.Id, cancellationToken).ConfigureAwait(false);
            await DocumentRows.UpsertAsync(connection, tx, document, chunks.Count, cancellationToken).ConfigureAwait(false);
            await StoryTables.ReplaceBandsAsync(connection, tx, document.Id, document.Fingerprint?.Bands ?? [], cancellationToken).ConfigureAwait(false);

            var newRows = new List<(long RowId, ReadOnlyMemory<float>? Vector)>(chunks.Count);
            var lexicalRows = new List<(long RowId, IReadOnlyList<string> Terms)>(chunks.Count);
            await using (var insertChunk = Command(connection, tx, "INSERT INTO chunks (id, document_id, idx, start, end, vector) VALUES ($id, $doc, $idx, $start, $end, $vector) RETURNING rowid"))
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
                    insertChunk.Parameters.AddWithValue("$vector", indexed.Vector is { Length: > 0 } v ? MemoryMarshal.AsBytes(v.Span).ToArray() : DBNull.Value);
                    var rowId = (long)(await insertChunk.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

                    lexicalRows.Add((rowId, indexed.Terms));
                    newRows.Add((rowId, indexed.Vector));
                }
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            var summary = new DocumentSummary(document.Id, document.Title, document.Url, document.PublishedAt, document.Source, chunks.Count, document.Language) { StoryId = document.StoryId ?? document.Id };
            await database.Lexical.AppliedAsync(connection, sequence, document.Id, LexicalFields.For(summary, lexicalRows), cancellationToken).ConfigureAwait(false);
            if (!await database.Mirror.ReloadIfWrittenElsewhereAsync(connection, generation, cancellationToken).ConfigureAwait(false))
            {
                database.Mirror.Upserted(summary, oldRows, newRows);
            }

            return !exists;
        }
        catch (SqliteException ex)
        {
            throw EmbeddedDatabase.Unavailable("write", ex);
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = connection.BeginTransaction(deferred: false);
            var generation = await WriteGeneration.BumpAsync(connection, tx, cancellationToken).ConfigureAwait(false);
            var sequence = await LexicalLog.AppendAsync(connection, tx, documentId, cancellationToken).ConfigureAwait(false);
            var rows = await DocumentRows.DeleteChunksAsync(connection, tx, documentId, cancellationToken).ConfigureAwait(false);
            await using var delete = Command(connection, tx, "DELETE FROM documents WHERE id = $id");
            delete.Parameters.AddWithValue("$id", documentId);
            var deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            await database.Lexical.AppliedAsync(connection, sequence, documentId, [], cancellationToken).ConfigureAwait(false);
            if (await database.Mirror.ReloadIfWrittenElsewhereAsync(connection, generation, cancellationToken).ConfigureAwait(false))
            {
                return deleted;
            }

            database.Mirror.Deleted(documentId, rows);
            return deleted;
        }
        catch (SqliteException ex)
        {
            throw EmbeddedDatabase.Unavailable("delete", ex);
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<NewsDocument?> GetAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT id, title, url, published, source, text, content_hash, language, file_name, story_id FROM documents WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", documentId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new NewsDocument(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), ParseDate(NullableString(reader, 3)), NullableString(reader, 4), reader.GetString(5), reader.GetString(6), reader.GetString(7)) { FileName = NullableString(reader, 8), StoryId = NullableString(reader, 9) ?? reader.GetString(0) };
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {ChunkColumns}, d.text FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.document_id = $id ORDER BY c.idx");
        cmd.Parameters.AddWithValue("$id", documentId);
        var chunks = new List<Chunk>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string? text = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            text ??= reader.GetString(5);
            chunks.Add(ReadChunk(reader, 0, text));
        }

        return chunks;
    }

    /// <inheritdoc/>
    public async Task<string?> GetContentHashAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT content_hash FROM documents WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", documentId);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(int limit, string? afterId, CancellationToken cancellationToken = default, string? collection = null)
    {
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await database.Mirror.RefreshIfChangedAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return database.Mirror.Summaries.Values
            .Where(s => (collection is null || DocumentKey.IsIn(s.Id, collection)) && (afterId is null || string.CompareOrdinal(s.Id, afterId) > 0))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <inheritdoc/>
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await database.Mirror.RefreshIfChangedAsync(connection, cancellationToken).ConfigureAwait(false);
        var (model, dims) = await EmbeddedModelRecord.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var summaries = database.Mirror.Summaries;
        long chunks = summaries.Values.Sum(s => (long)s.Chunks);
        var collections = summaries.Keys.GroupBy(DocumentKey.CollectionOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return new StoreStatistics(summaries.Count, chunks, model, dims) { Degraded = database.Lexical.Problem, Collections = collections };
    }
}
