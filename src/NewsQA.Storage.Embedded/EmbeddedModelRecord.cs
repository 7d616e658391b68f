using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsQA.Core.Storage;
using static NewsQA.Storage.Embedded.SqliteCommands;

namespace NewsQA.Storage.Embedded;

/// <summary>The embedded store's model record: two keys of <c>meta</c>, checked against the chunks' vectors in the same transaction.</summary>
internal sealed class EmbeddedModelRecord(EmbeddedDatabase database) : IEmbeddingModelRecord
{
    /// <inheritdoc/>
    public async Task RecordEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = connection.BeginTransaction(deferred: false);
            var (stored, storedDims) = await ReadAsync(connection, tx, cancellationToken).ConfigureAwait(false);
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
            database.WriteGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task ResetEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken = default)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = connection.BeginTransaction(deferred: false);
            var generation = await WriteGeneration.BumpAsync(connection, tx, cancellationToken).ConfigureAwait(false);
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
            if (!await database.Mirror.ReloadIfWrittenElsewhereAsync(connection, generation, cancellationToken).ConfigureAwait(false))
            {
                database.Mirror.VectorsDropped();
            }
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    /// <summary>The recorded model and its dimensions (nulls when none is recorded), as statistics report them.</summary>
    public static async Task<(string? Model, int? Dimensions)> ReadAsync(SqliteConnection connection, SqliteTransaction? tx, CancellationToken cancellationToken)
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
}
