using Microsoft.Data.Sqlite;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// The rows lexical search reads (<see cref="EmbeddedLexicalIndex"/>): each chunk's terms in <c>chunk_terms</c> and its
/// grams in <c>chunk_grams</c> (rowid = the chunk's), and the whole document's terms in <c>document_terms</c> (rowid = the
/// document's). Written and deleted in the transaction that writes the document, so the index never lags its source.
/// </summary>
internal sealed class Fts5TermRows(SqliteConnection connection, SqliteTransaction tx) : IAsyncDisposable
{
    private readonly SqliteCommand insertTerms = Command(connection, tx, "INSERT INTO chunk_terms (rowid, terms) VALUES ($rowid, $terms)");
    private readonly SqliteCommand insertGrams = ChunkGrams.Insert(connection, tx);

    /// <summary>Indexes one chunk just inserted with row id <paramref name="rowId"/>.</summary>
    public async Task AddChunkAsync(long rowId, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        insertTerms.Parameters.Clear();
        insertTerms.Parameters.AddWithValue("$rowid", rowId);
        insertTerms.Parameters.AddWithValue("$terms", string.Join(' ', terms));
        await insertTerms.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await ChunkGrams.InsertAsync(insertGrams, rowId, terms, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Indexes the whole document's terms, once its row is written.</summary>
    public static async Task AddDocumentAsync(SqliteConnection connection, SqliteTransaction tx, string documentId, IEnumerable<string> terms, CancellationToken cancellationToken)
    {
        await using var documentTerms = Command(connection, tx, "INSERT INTO document_terms (rowid, terms) SELECT rowid, $terms FROM documents WHERE id = $id");
        documentTerms.Parameters.AddWithValue("$id", documentId);
        documentTerms.Parameters.AddWithValue("$terms", string.Join(' ', terms));
        await documentTerms.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the whole document's terms; its row must still exist.</summary>
    public static async Task DeleteDocumentAsync(SqliteConnection connection, SqliteTransaction tx, string documentId, CancellationToken cancellationToken)
    {
        await using var documentTerms = Command(connection, tx, "DELETE FROM document_terms WHERE rowid IN (SELECT rowid FROM documents WHERE id = $id)");
        documentTerms.Parameters.AddWithValue("$id", documentId);
        await documentTerms.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the terms and grams of the document's chunks; the chunks' rows must still exist.</summary>
    public static async Task DeleteChunksAsync(SqliteConnection connection, SqliteTransaction tx, string documentId, CancellationToken cancellationToken)
    {
        await using var terms = Command(connection, tx, "DELETE FROM chunk_terms WHERE rowid IN (SELECT rowid FROM chunks WHERE document_id = $id); DELETE FROM chunk_grams WHERE rowid IN (SELECT rowid FROM chunks WHERE document_id = $id)");
        terms.Parameters.AddWithValue("$id", documentId);
        await terms.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await insertGrams.DisposeAsync().ConfigureAwait(false);
        await insertTerms.DisposeAsync().ConfigureAwait(false);
    }
}
