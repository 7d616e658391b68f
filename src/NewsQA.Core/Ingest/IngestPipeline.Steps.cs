using System.Diagnostics;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Ingest;

/// <summary>The steps the one-document and the bulk path share, so both embed, count and record the model alike.</summary>
public sealed partial class IngestPipeline
{
    /// <summary>Embeds passages, timing the call and counting failures in <c>newsqa.embed.*</c>.</summary>
    private async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedPassagesAsync(QueryAndPassageEmbedder dense, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<ReadOnlyMemory<float>> vectors;
        try
        {
            vectors = await dense.EmbedPassagesAsync(texts, cancellationToken).ConfigureAwait(false);
        }
        catch (EmbedderUnavailableException)
        {
            metrics.EmbedFailed("passages");
            throw;
        }

        metrics.Embedded("passages", watch.Elapsed.TotalMilliseconds);
        return vectors;
    }

    /// <summary>Records which model the vectors come from before any of them is written (idempotent; refuses a second model).</summary>
    private Task RecordModelAsync(QueryAndPassageEmbedder? dense, CancellationToken cancellationToken) =>
        dense is null ? Task.CompletedTask : embeddingModel.RecordEmbeddingModelAsync(dense.Profile.ModelId, dense.Profile.Dimensions, cancellationToken);

    /// <summary>
    /// Writes one prepared document with its chunks' terms and vectors; returns how many chunks it has and whether the
    /// store created it. An id another file's document holds is a <see cref="DocumentRejectedException"/> (a conflict).
    /// </summary>
    private async Task<(int Chunks, bool Created, string StoryId)> WriteAsync(PreparedDocument prepared, IReadOnlyList<IReadOnlyList<string>> terms, IReadOnlyList<ReadOnlyMemory<float>>? vectors, CancellationToken cancellationToken)
    {
        var indexed = prepared.Chunks.Select((c, i) => new IndexedChunk(c, terms[i], vectors?[i])).ToList();

        // Decided just before the write, one document at a time (the bulk path's store stage too), so a copy sees
        // the copies written before it, in the same run as well.
        var document = stories is null ? prepared.Document with { StoryId = prepared.Document.Id } : await stories.AssignAsync(prepared.Document, cancellationToken).ConfigureAwait(false);
        bool created;
        try
        {
            created = await store.UpsertAsync(document, indexed, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentIdTakenException ex)
        {
            throw Taken(ex);
        }

        LogIngested(logger, prepared.Document.Id, indexed.Count, created ? IngestStatus.Created : IngestStatus.Updated);
        return (indexed.Count, created, document.StoryId!);
    }

    private static DocumentRejectedException Taken(DocumentIdTakenException ex) => new("id", ex.Message) { IsConflict = true };
}
