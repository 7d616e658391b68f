using NewsQA.Core.Configuration;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Ingest;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Storage;

namespace NewsQA.Hosting.ModelLifecycle;

/// <summary>
/// Gives every stored document vectors of a model that arrived after the documents did (first start, folder
/// dropped in, <c>models pull</c> while the API runs): re-chunks and re-embeds them in id order, a batch at a
/// time, resting between batches so queries keep the CPU. Search stays lexical until the last one is done, so
/// a half-embedded store never ranks (the <see cref="ModelStage.Backfilling"/> stage); writes meanwhile embed as usual.
/// Progress is kept in <c>{Data:Path}/embedding-backfill.json</c> (the last finished id), so a crash resumes where it stopped.
/// </summary>
public sealed partial class EmbeddingBackfill(
    IDocumentStore store,
    IEmbeddingModelRecord embeddingModel,
    IngestPipeline pipeline,
    QueryAndPassageEmbedder embedder,
    EmbeddingModelState state,
    IConfiguration configuration,
    IOptions<ModelLifecycleOptions> options,
    ILogger<EmbeddingBackfill> logger)
{
    private const string CheckpointFile = "embedding-backfill.json";

    private string CheckpointPath => Path.Combine(Path.GetFullPath(DataOptions.PathOf(configuration)), CheckpointFile);

    /// <summary>
    /// At start, with a model already on disk: when the store holds documents without its vectors (pulled while
    /// stopped, or a backfill a crash interrupted), dense ranking waits for <see cref="RunAsync"/>. Returns whether it does.
    /// </summary>
    public bool SuspendIfNeeded(StoreStatistics stats)
    {
        if (!embedder.IsAvailable)
        {
            return false;
        }

        var checkpoint = ReadCheckpoint(embedder.Profile.ModelId);
        if (checkpoint is null && (stats.EmbeddingModel is not null || stats.Documents == 0))
        {
            return false;
        }

        state.Backfilling(embedder.Profile.ModelId, Math.Min(checkpoint?.Embedded ?? 0, stats.Documents), stats.Documents);
        return true;
    }

    /// <summary>Embeds the stored documents with the attached model (resuming a checkpoint), then lets dense rank.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var profile = embedder.Profile;
        // Writes that began before the model was attached were chunked without it; let them land before listing.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        await embeddingModel.RecordEmbeddingModelAsync(profile.ModelId, profile.Dimensions, cancellationToken).ConfigureAwait(false);
        var checkpoint = ReadCheckpoint(profile.ModelId) ?? new Checkpoint(profile.ModelId, null, 0);
        WriteCheckpoint(checkpoint);
        var total = (await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false)).Documents;
        state.Backfilling(profile.ModelId, Math.Min(checkpoint.Embedded, total), total);
        LogStarted(logger, total, profile.ModelId, checkpoint.After ?? "the start");

        var batch = Math.Max(1, options.Value.BackfillBatch);
        while (true)
        {
            var page = await store.ListAsync(batch, checkpoint.After, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            var watch = Stopwatch.StartNew();
            foreach (var summary in page)
            {
                // A document deleted since it was listed is simply gone; one updated meanwhile is re-embedded as updated.
                await pipeline.ReindexAsync(summary.Id, cancellationToken).ConfigureAwait(false);
            }

            checkpoint = checkpoint with { After = page[^1].Id, Embedded = checkpoint.Embedded + page.Count };
            WriteCheckpoint(checkpoint);
            total = (await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false)).Documents;
            state.Backfilling(profile.ModelId, Math.Min(checkpoint.Embedded, total), total);
            LogProgress(logger, Math.Min(checkpoint.Embedded, total), total);

            // Low priority against queries: rest as long as the batch worked (plus any configured pause).
            await Task.Delay(watch.Elapsed + options.Value.BackfillPause, cancellationToken).ConfigureAwait(false);
        }

        MarkComplete();
        LogDone(logger, checkpoint.Embedded, profile.ModelId);
    }

    /// <summary>Every stored document has the attached model's vectors (the backfill or <c>newsqa reindex</c> ran): dense may rank.</summary>
    public void MarkComplete()
    {
        File.Delete(CheckpointPath);
        if (embedder.IsAvailable)
        {
            state.Searchable(embedder.Profile.ModelId, $"dense embeddings: {embedder.Profile.ModelId} ({embedder.Profile.Dimensions} dimensions), every stored document embedded");
        }
    }

    private Checkpoint? ReadCheckpoint(string modelId)
    {
        try
        {
            var checkpoint = JsonSerializer.Deserialize<Checkpoint>(File.ReadAllText(CheckpointPath));
            // A checkpoint of another model says nothing about this one's vectors: start over.
            return checkpoint is not null && checkpoint.Model == modelId ? checkpoint : checkpoint is null ? null : new Checkpoint(modelId, null, 0);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException)
        {
            // A torn write cannot happen (see WriteCheckpoint), but a hand-edited file can: start over rather than skip documents.
            return new Checkpoint(modelId, null, 0);
        }
    }

    /// <summary>Written to a temporary file and renamed over the old one, so a crash leaves the old or the new checkpoint.</summary>
    private void WriteCheckpoint(Checkpoint checkpoint)
    {
        var path = CheckpointPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(checkpoint));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Documents with ids up to <paramref name="After"/> are embedded with <paramref name="Model"/>.</summary>
    private sealed record Checkpoint(string Model, string? After, long Embedded);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedding {Total} stored documents with {Model} in the background (from {After}); search stays lexical until all are done")]
    private static partial void LogStarted(ILogger logger, long total, string model, string after);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded {Done} of {Total} stored documents")]
    private static partial void LogProgress(ILogger logger, long done, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "All {Count} stored documents embedded with {Model}: hybrid search is now the default")]
    private static partial void LogDone(ILogger logger, long count, string model);
}
