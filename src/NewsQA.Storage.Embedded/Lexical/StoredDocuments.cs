using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsQA.Core.Documents;
using NewsQA.Core.Search.Analysis;
using static NewsQA.Storage.Embedded.SqliteCommands;
using static NewsQA.Storage.Embedded.SqliteRows;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// Stored documents read back as the Lucene documents of their chunks, for catching the index up and rebuilding it:
/// the chunks' terms are analysed again from the stored text by the one analysis chain (<see cref="ChunkTerms"/>), as
/// ingest analysed them.
/// </summary>
internal sealed class StoredDocuments(ITermAnalyzer analyzer)
{
    private const string DocumentColumns = "d.rowid, d.id, d.title, d.url, d.published, d.source, d.chunk_count, d.language, d.text";

    /// <summary>The documents of <paramref name="ids"/> that still exist, as (id, Lucene documents).</summary>
    public Task<List<(string Id, List<Lucene.Net.Documents.Document> Chunks)>> ReadAsync(SqliteConnection connection, IReadOnlyList<string> ids, CancellationToken ct) =>
        ReadAsync(connection, $"SELECT {DocumentColumns} FROM documents d WHERE d.id IN (SELECT value FROM json_each($ids))", cmd => cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids)), ct);

    /// <summary>Up to <paramref name="limit"/> documents after row <paramref name="afterRowId"/>, with the last row id read.</summary>
    public async Task<(List<(string Id, List<Lucene.Net.Documents.Document> Chunks)> Page, long LastRowId)> PageAsync(SqliteConnection connection, long afterRowId, int limit, CancellationToken ct)
    {
        long last = afterRowId;
        var page = await ReadAsync(connection, $"SELECT {DocumentColumns} FROM documents d WHERE d.rowid > $after ORDER BY d.rowid LIMIT $limit", cmd =>
        {
            cmd.Parameters.AddWithValue("$after", afterRowId);
            cmd.Parameters.AddWithValue("$limit", limit);
        }, ct, rowId => last = Math.Max(last, rowId)).ConfigureAwait(false);
        return (page, last);
    }

    private async Task<List<(string Id, List<Lucene.Net.Documents.Document> Chunks)>> ReadAsync(SqliteConnection connection, string sql, Action<SqliteCommand> bind, CancellationToken ct, Action<long>? seenRow = null)
    {
        var documents = new List<(DocumentSummary Summary, string Text)>();
        await using (var cmd = Command(connection, null, sql))
        {
            bind(cmd);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                seenRow?.Invoke(reader.GetInt64(0));
                var summary = new DocumentSummary(reader.GetString(1), reader.GetString(2), NullableString(reader, 3), ParseDate(NullableString(reader, 4)), NullableString(reader, 5), reader.GetInt32(6), reader.GetString(7));
                documents.Add((summary, reader.GetString(8)));
            }
        }

        var chunks = new Dictionary<string, List<(long RowId, IReadOnlyList<string> Terms)>>(StringComparer.Ordinal);
        var titles = documents.ToDictionary(d => d.Summary.Id, d => (d.Summary.Title, d.Text), StringComparer.Ordinal);
        await using (var cmd = Command(connection, null, $"SELECT {ChunkColumns}, c.rowid FROM chunks c WHERE c.document_id IN (SELECT value FROM json_each($ids)) ORDER BY c.document_id, c.idx"))
        {
            cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(titles.Keys));
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var (title, text) = titles[reader.GetString(1)];
                var chunk = ReadChunk(reader, 0, text);
                if (!chunks.TryGetValue(chunk.DocumentId, out var list))
                {
                    chunks[chunk.DocumentId] = list = [];
                }

                list.Add((reader.GetInt64(5), ChunkTerms.Of(analyzer, chunk.Text, title)));
            }
        }

        return [.. documents.Select(d => (d.Summary.Id, LexicalFields.For(d.Summary, chunks.GetValueOrDefault(d.Summary.Id) ?? []).ToList()))];
    }
}
