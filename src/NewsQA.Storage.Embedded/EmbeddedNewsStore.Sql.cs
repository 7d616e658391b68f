using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded;

/// <summary>Connection handling, the write generation and row mapping of the embedded store.</summary>
public sealed partial class EmbeddedNewsStore
{
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (connectionString is null)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per-connection settings: durability of each commit and cascading deletes.
            await ExecuteAsync(connection, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw Unavailable("open", ex);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    /// <summary>Removes a document's chunks and their FTS rows; returns the removed row ids for the in-memory index.</summary>
    private static async Task<List<long>> DeleteChunksAsync(SqliteConnection connection, SqliteTransaction tx, string documentId, CancellationToken cancellationToken)
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

        await using (var documentTerms = Command(connection, tx, "DELETE FROM document_terms WHERE rowid IN (SELECT rowid FROM documents WHERE id = $id)"))
        {
            documentTerms.Parameters.AddWithValue("$id", documentId);
            await documentTerms.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (rows.Count == 0)
        {
            return rows;
        }

        await using (var terms = Command(connection, tx, "DELETE FROM chunk_terms WHERE rowid IN (SELECT rowid FROM chunks WHERE document_id = $id); DELETE FROM chunk_grams WHERE rowid IN (SELECT rowid FROM chunks WHERE document_id = $id)"))
        {
            terms.Parameters.AddWithValue("$id", documentId);
            await terms.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var chunks = Command(connection, tx, "DELETE FROM chunks WHERE document_id = $id"))
        {
            chunks.Parameters.AddWithValue("$id", documentId);
            await chunks.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }

    /// <summary>Increments the shared write generation inside a write transaction; returns its value before.</summary>
    private static async Task<long> BumpGenerationAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation' RETURNING value");
        var after = Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        return after - 1;
    }

    private static async Task<long> ReadGenerationAsync(SqliteConnection connection, SqliteTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, "SELECT value FROM meta WHERE key = 'generation'");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(string? Model, int? Dimensions)> ReadModelAsync(SqliteConnection connection, SqliteTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, "SELECT key, value FROM meta WHERE key IN ('embedding_model', 'embedding_dimensions')");
        string? model = null;
        int? dims = null;
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.GetString(0) == "embedding_model")
            {
                model = reader.GetString(1);
            }
            else if (int.TryParse(reader.GetString(1), out var d))
            {
                dims = d;
            }
        }

        return (model, dims);
    }

    private static Chunk ReadChunk(SqliteDataReader reader, int offset) =>
        new(reader.GetString(offset), reader.GetString(offset + 1), reader.GetInt32(offset + 2), new TextSpan(reader.GetInt32(offset + 3), reader.GetInt32(offset + 4)), reader.GetString(offset + 5));

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static PublicationDate? ParseDate(string? value) => PublicationDate.TryParse(value, out var d) ? d : null;

    private StoreUnavailableException Unavailable(string operation, SqliteException ex) =>
        new($"The embedded store could not {operation}: {ex.Message}", ex) { Component = "embedded store" };

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store changed by another process; reloading documents and vectors")]
    private static partial void LogReloading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store {File}: {DocumentCount} documents, {VectorCount} vectors loaded")]
    private static partial void LogOpened(ILogger logger, string file, int documentCount, int vectorCount);
}
