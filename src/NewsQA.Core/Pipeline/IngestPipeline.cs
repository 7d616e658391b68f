using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Analysis;
using NewsQA.Core.Chunking;
using NewsQA.Core.Cleaning;
using NewsQA.Core.Diagnostics;
using NewsQA.Core.Documents;
using NewsQA.Core.Embedding;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Pipeline;

/// <summary>
/// Ingestion in order: clean → hash (skip if unchanged) → chunk → analyze terms → embed → store.
/// The store writes a document and all its chunks in one atomic step, so a crash at any point
/// leaves the previous version or the new one, never a part.
/// </summary>
public sealed partial class IngestPipeline(
    INewsStore store,
    ITermAnalyzer analyzer,
    IOptions<ChunkingOptions> chunking,
    ILogger<IngestPipeline> logger,
    DenseEncoder? encoder = null,
    NewsQaMetrics? metrics = null)
{
    public async Task<IngestResult> IngestAsync(DocumentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var activity = NewsQaMetrics.ActivitySource.StartActivity("newsqa.ingest");
        var watch = Stopwatch.StartNew();
        try
        {
            var result = await IngestCoreAsync(input, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("newsqa.document.id", result.Id);
            activity?.SetTag("newsqa.ingest.status", result.Status.ToString().ToLowerInvariant());
            metrics?.Ingested(result.Status.ToString().ToLowerInvariant(), result.Chunks, watch.Elapsed.TotalMilliseconds);
            return result;
        }
        catch (DocumentRejectedException)
        {
            metrics?.Ingested("rejected", 0, watch.Elapsed.TotalMilliseconds);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            metrics?.Ingested("failed", 0, watch.Elapsed.TotalMilliseconds);
            throw;
        }
    }

    private async Task<IngestResult> IngestCoreAsync(DocumentInput input, CancellationToken cancellationToken)
    {
        if (input.Id is not null && !DocumentId.IsValid(input.Id))
        {
            throw new DocumentRejectedException("id", $"Document id '{Shorten(input.Id)}' is invalid: use {DocumentId.Describe}.");
        }

        var cleaned = ArticleCleaner.Clean(input.Text, new ArticleMetadata { Title = NullIfBlank(input.Title), PublishedAt = input.PublishedAt, Source = NullIfBlank(input.Source) });
        if (string.IsNullOrWhiteSpace(cleaned.Text))
        {
            throw new DocumentRejectedException("text", "The document has no article text left after removing page boilerplate.");
        }

        var url = NullIfBlank(input.Url);
        var hash = ContentHash.Compute(cleaned.Title, url, cleaned.PublishedAt, cleaned.Source, cleaned.Text);
        var id = input.Id ?? DocumentId.FromContentHash(hash);
        var existingHash = await store.GetContentHashAsync(id, cancellationToken).ConfigureAwait(false);
        if (existingHash == hash)
        {
            var chunks = await store.GetChunksAsync(id, cancellationToken).ConfigureAwait(false);
            return new IngestResult(id, cleaned.Title, cleaned.PublishedAt, chunks.Count, hash, IngestStatus.Unchanged);
        }

        var document = new NewsDocument(id, cleaned.Title, url, cleaned.PublishedAt, cleaned.Source, cleaned.Text, hash);
        var count = await IndexAsync(document, cancellationToken).ConfigureAwait(false);
        var status = existingHash is null ? IngestStatus.Created : IngestStatus.Updated;
        LogIngested(logger, id, count, status);
        return new IngestResult(id, document.Title, document.PublishedAt, count, hash, status);
    }

    /// <summary>Re-chunks and re-embeds a stored document as it is (no cleaning): what `reindex` does after a model change.</summary>
    public Task<int> ReindexAsync(NewsDocument document, CancellationToken cancellationToken = default) =>
        IndexAsync(document, cancellationToken);

    private async Task<int> IndexAsync(NewsDocument document, CancellationToken cancellationToken)
    {
        var chunks = new SentenceChunker(chunking.Value).Chunk(document.Id, document.Text);
        IReadOnlyList<ReadOnlyMemory<float>>? vectors = null;
        if (encoder is not null)
        {
            var embedWatch = Stopwatch.StartNew();
            try
            {
                vectors = await encoder.EmbedPassagesAsync(chunks.Select(c => c.Text).ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (EmbedderUnavailableException)
            {
                metrics?.EmbedFailed("passages");
                throw;
            }

            metrics?.Embedded("passages", embedWatch.Elapsed.TotalMilliseconds);
        }

        var indexed = chunks
            .Select((c, i) => new IndexedChunk(c, analyzer.Analyze(c.Text), vectors?[i]))
            .ToList();
        if (encoder is not null)
        {
            await store.RecordEmbeddingModelAsync(encoder.Profile.ModelId, encoder.Profile.Dimensions, cancellationToken).ConfigureAwait(false);
        }

        await store.UpsertAsync(document, indexed, cancellationToken).ConfigureAwait(false);
        return indexed.Count;
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {DocumentId}: {ChunkCount} chunks ({Status})")]
    private static partial void LogIngested(ILogger logger, string documentId, int chunkCount, IngestStatus status);
}
