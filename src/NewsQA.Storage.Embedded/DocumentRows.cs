using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsQA.Core.Documents;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>The writes of a document's row and the removal of its chunks, inside the transaction that writes the document.</summary>
internal static class DocumentRows
{
    /// <summary>Whether the id holds a document, and the file name it was stored from (null: none recorded).</summary>
    public static async Task<(bool Exists, string? FileName)> FindAsync(SqliteConnection connection, SqliteTransaction tx, string documentId, CancellationToken cancellationToken)
    {
        await using var find = Command(connection, tx, "SELECT file_name FROM documents WHERE id = $id");
        find.Parameters.AddWithValue("$id", documentId);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (true, reader.IsDBNull(0) ? null : reader.GetString(0)) : (false, null);
    }

    /// <summary>Inserts the document's row, or updates the one it has.</summary>
    public static async Task UpsertAsync(SqliteConnection connection, SqliteTransaction tx, NewsDocument document, int chunkCount, CancellationToken cancellationToken)
    {
        await using var upsert = Command(connection, tx, """
            INSERT INTO documents (id, title, url, published, published_from, published_to, source, text, content_hash, chunk_count, updated_at, language, file_name, collection, story_id, story_signature)
            VALUES ($id, $title, $url, $published, $from, $to, $source, $text, $hash, $chunks, $now, $language, $file, $collection, $story, $signature)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, url = excluded.url, published = excluded.published,
                published_from = excluded.published_from, published_to = excluded.published_to, source = excluded.source,
                text = excluded.text, content_hash = excluded.content_hash, chunk_count = excluded.chunk_count, updated_at = excluded.updated_at,
                language = excluded.language, file_name = excluded.file_name, story_id = excluded.story_id, story_signature = excluded.story_signature
            """);
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
        upsert.Parameters.AddWithValue("$file", (object?)document.FileName ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$collection", DocumentKey.CollectionOf(document.Id));
        upsert.Parameters.AddWithValue("$chunks", chunkCount);
        upsert.Parameters.AddWithValue("$story", document.StoryId ?? document.Id);
        upsert.Parameters.AddWithValue("$signature", (object?)document.Fingerprint?.Signature.ToBytes() ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a document's chunks; returns the removed row ids for the in-memory index.</summary>
    public static async Task<List<long>> DeleteChunksAsync(SqliteConnection connection, SqliteTransaction tx, string documentId, CancellationToken cancellationToken)
    {
        var rows = new List<long>();
        await using (var select = Command(connection, tx, "SELECT rowid FROM chunks WHERE document_id = $id"))
        {
            select.Parameters.AddWithValue("$id", documentId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(reader.GetInt64(0));
            }
        }

        if (rows.Count == 0)
        {
            return rows;
        }

        await using (var chunks = Command(connection, tx, "DELETE FROM chunks WHERE document_id = $id"))
        {
            chunks.Parameters.AddWithValue("$id", documentId);
            await chunks.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }
}
