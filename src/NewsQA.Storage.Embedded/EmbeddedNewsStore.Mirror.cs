using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using NewsQA.Core.Documents;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// The in-memory mirror of the store (document summaries and the dense index): loaded at start, and reloaded
/// when another process sharing the data directory has written since this one last looked.
/// </summary>
public sealed partial class EmbeddedNewsStore
{
    /// <summary>
    /// Fills fresh in-memory summaries and vector matrix from the file (what a restart costs) and swaps them in,
    /// so concurrent readers see either the old state or the new one, never a half-loaded one.
    /// </summary>
    private async Task LoadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var generation = await ReadGenerationAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var loadedSummaries = new ConcurrentDictionary<string, DocumentSummary>(StringComparer.Ordinal);
        await using (var docs = Command(connection, null, "SELECT id, title, url, published, source, chunk_count, language FROM documents"))
        await using (var reader = await docs.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var s = new DocumentSummary(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), ParseDate(NullableString(reader, 3)), NullableString(reader, 4), reader.GetInt32(5), reader.GetString(6));
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
}
