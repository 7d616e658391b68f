using Microsoft.Data.Sqlite;
using NewsQA.Core.Stories;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// Stories (schema version 4): each document's <c>story_id</c> and MinHash <c>story_signature</c>, and its LSH band keys
/// in <c>story_bands</c>, indexed by (band, hash) so a new document's candidates are one indexed look-up per band;
/// they go with the document (foreign key, cascade). A file of an older version gets them on open: its documents
/// become stories of their own (id = their own id) with no band keys, until they are next written.
/// </summary>
internal static class StoryTables
{
    public static async Task AddAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var tx = connection.BeginTransaction(deferred: false);
        await using (var columns = Command(connection, tx, "SELECT 1 FROM pragma_table_info('documents') WHERE name = 'story_id'"))
        {
            if (await columns.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                await using var alter = Command(connection, tx, """
                    ALTER TABLE documents ADD COLUMN story_id TEXT;
                    ALTER TABLE documents ADD COLUMN story_signature BLOB;
                    UPDATE documents SET story_id = id;
                    """);
                await alter.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await using (var create = Command(connection, tx, """
            CREATE TABLE IF NOT EXISTS story_bands (
                band     INTEGER NOT NULL,
                hash     INTEGER NOT NULL,
                document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
            );
            CREATE INDEX IF NOT EXISTS story_bands_by_key ON story_bands(band, hash);
            CREATE INDEX IF NOT EXISTS story_bands_by_document ON story_bands(document);
            CREATE INDEX IF NOT EXISTS documents_by_story ON documents(story_id);
            """))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces a document's band keys, inside the transaction that writes the document.</summary>
    public static async Task ReplaceBandsAsync(SqliteConnection connection, SqliteTransaction tx, string documentId, IReadOnlyList<StoryBand> bands, CancellationToken cancellationToken)
    {
        await using (var delete = Command(connection, tx, "DELETE FROM story_bands WHERE document = $id"))
        {
            delete.Parameters.AddWithValue("$id", documentId);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (bands.Count == 0)
        {
            return;
        }

        await using var insert = Command(connection, tx, "INSERT INTO story_bands (band, hash, document) VALUES ($band, $hash, $id)");
        var band = insert.Parameters.Add("$band", SqliteType.Integer);
        var hash = insert.Parameters.Add("$hash", SqliteType.Integer);
        insert.Parameters.AddWithValue("$id", documentId);
        foreach (var b in bands)
        {
            band.Value = b.Band;
            hash.Value = b.Hash;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
