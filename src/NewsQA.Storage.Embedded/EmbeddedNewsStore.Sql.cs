using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Storage.Embedded;

/// <summary>Connection handling, row mapping and start-up loading of the embedded store.</summary>
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

        if (rows.Count == 0)
        {
            return rows;
        }

        await using (var terms = Command(connection, tx, "DELETE FROM chunk_terms WHERE rowid IN (SELECT rowid FROM chunks WHERE document_id = $id)"))
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

    /// <summary>
    /// Fills fresh in-memory summaries and vector matrix from the file (what a restart costs) and swaps them in,
    /// so concurrent readers see either the old state or the new one, never a half-loaded one.
    /// </summary>
    private async Task LoadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var generation = await ReadGenerationAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var loadedSummaries = new ConcurrentDictionary<string, DocumentSummary>(StringComparer.Ordinal);
        await using (var docs = Command(connection, null, "SELECT id, title, url, published, source, chunk_count FROM documents"))
        await using (var reader = await docs.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var s = new DocumentSummary(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), ParseDate(NullableString(reader, 3)), NullableString(reader, 4), reader.GetInt32(5));
                loadedSummaries[s.Id] = s;
            }
        }

        var loadedDense = new DenseIndex(options.Value.QuantizedSearchFrom);
        await using (var vectors = Command(connection, null, "SELECT rowid, document_id, vector FROM chunks WHERE vector IS NOT NULL ORDER BY rowid"))
        await using (var rows = await vectors.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var bytes = (byte[])rows.GetValue(2);
                loadedDense.Add(rows.GetInt64(0), rows.GetString(1), MemoryMarshal.Cast<byte, float>(bytes));
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
    private async Task RefreshIfChangedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (await ReadGenerationAsync(connection, null, cancellationToken).ConfigureAwait(false) == Volatile.Read(ref knownGeneration))
        {
            return;
        }

        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await ReadGenerationAsync(connection, null, cancellationToken).ConfigureAwait(false) != Volatile.Read(ref knownGeneration))
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
    private async Task<bool> ReloadIfWrittenElsewhereAsync(SqliteConnection connection, long generationBefore, CancellationToken cancellationToken)
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
