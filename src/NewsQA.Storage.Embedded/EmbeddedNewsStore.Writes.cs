using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded;

/// <summary>Writes of the embedded store: one serialized transaction per document, mirrored into memory after it commits.</summary>
public sealed partial class EmbeddedNewsStore
{
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
                INSERT INTO documents (id, title, url, published, published_from, published_to, source, text, content_hash, chunk_count, updated_at, language)
                VALUES ($id, $title, $url, $published, $from, $to, $source, $text, $hash, $chunks, $now, $language)
                ON CONFLICT(id) DO UPDATE SET title = excluded.title, url = excluded.url, published = excluded.published,
                    published_from = excluded.published_from, published_to = excluded.published_to, source = excluded.source,
                    text = excluded.text, content_hash = excluded.content_hash, chunk_count = excluded.chunk_count, updated_at = excluded.updated_at,
                    language = excluded.language
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
                upsert.Parameters.AddWithValue("$language", document.Language);
                upsert.Parameters.AddWithValue("$chunks", chunks.Count);
                upsert.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var newRows = new List<(long RowId, ReadOnlyMemory<float>? Vector)>(chunks.Count);
            await using (var insertChunk = Command(connection, tx, "INSERT INTO chunks (id, document_id, idx, start, end, text, vector) VALUES ($id, $doc, $idx, $start, $end, $text, $vector) RETURNING rowid"))
            await using (var insertTerms = Command(connection, tx, "INSERT INTO chunk_terms (rowid, terms) VALUES ($rowid, $terms)"))
            await using (var insertGrams = GramsInsert(connection, tx))
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
                    await InsertGramsAsync(insertGrams, rowId, indexed.Terms, cancellationToken).ConfigureAwait(false);
                    newRows.Add((rowId, indexed.Vector));
                }
            }

            await using (var documentTerms = Command(connection, tx, "INSERT INTO document_terms (rowid, terms) SELECT rowid, $terms FROM documents WHERE id = $id"))
            {
                documentTerms.Parameters.AddWithValue("$id", document.Id);
                documentTerms.Parameters.AddWithValue("$terms", string.Join(' ', chunks.SelectMany(c => c.Terms)));
                await documentTerms.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (await ReloadIfWrittenElsewhereAsync(connection, generation, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            summaries[document.Id] = new DocumentSummary(document.Id, document.Title, document.Url, document.PublishedAt, document.Source, chunks.Count, document.Language);
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
}
