using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Ingest.Cleaning;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Diagnostics;
using NewsQA.Core.Documents;
using NewsQA.Core.Language;
using NewsQA.Core.Storage;
using NewsQA.Core.Stories;

namespace NewsQA.Core.Ingest;

/// <summary>
/// Ingestion in order: clean → hash (skip if unchanged) → chunk → analyze terms → embed → store.
/// The store writes a document and all its chunks in one atomic step, so a crash at any point
/// leaves the previous version or the new one, never a part.
/// </summary>
public sealed partial class IngestPipeline(
    IDocumentStore store,
    IEmbeddingModelRecord embeddingModel,
    ITermAnalyzer analyzer,
    IOptions<ChunkingOptions> chunking,
    ILogger<IngestPipeline> logger,
    QueryAndPassageEmbedder encoder,
    NewsQaMetrics metrics,
    StoryGrouper? stories = null)
{
    /// <summary>
    /// Chunks fit the attached model's window (a model may be attached while the service runs), for documents in a
    /// language the model declares. A model that does not know the document's language gives it vectors no question
    /// is ranked by (hybrid runs lexical on such questions, Retrieval:OtherLanguageDenseWeight), so its window does not
    /// cut the passages the words rank: German text through an English model's vocabulary made smaller chunks and
    /// worse lexical ranking (docs/quality-levers.md, "Chunks and the model's window").
    /// </summary>
    private SentenceChunker ChunkerFor(NewsDocument document)
    {
        var modelWindow = encoder is { IsAvailable: true } e && (document.Language == LanguageCode.Undetermined || e.Profile.Knows(document.Language)) ? e.Window : null;
        return new SentenceChunker(chunking.Value, modelWindow);
    }

    /// <summary>The encoder when a model is attached; null while lexical-only.</summary>
    private QueryAndPassageEmbedder? Dense => encoder is { IsAvailable: true } ? encoder : null;

    private readonly DocumentWriteLocks writeLocks = new();

    public async Task<IngestResult> IngestAsync(DocumentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var activity = NewsQaMetrics.ActivitySource.StartActivity("newsqa.ingest");
        var watch = Stopwatch.StartNew();
        try
        {
            var result = await writeLocks.RunAsync(DocumentKey.Of(input.Collection, input.Id ?? input.Text), () => IngestCoreAsync(input, cancellationToken), cancellationToken).ConfigureAwait(false);

            activity?.SetTag("newsqa.document.id", result.Id);
            activity?.SetTag("newsqa.ingest.status", result.Status.ToWireName());
            metrics.Ingested(result.Status.ToWireName(), result.Chunks, watch.Elapsed.TotalMilliseconds);
            return result;
        }
        catch (DocumentRejectedException)
        {
            metrics.Ingested("rejected", 0, watch.Elapsed.TotalMilliseconds);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            metrics.Ingested("failed", 0, watch.Elapsed.TotalMilliseconds);
            throw;
        }
    }

    private async Task<IngestResult> IngestCoreAsync(DocumentInput input, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(input, knownInThisRun: null, cancellationToken).ConfigureAwait(false);
        if (prepared.Finished is { } unchanged)
        {
            return unchanged;
        }

        var (count, created, story) = await IndexAsync(prepared, cancellationToken).ConfigureAwait(false);
        return prepared.Result(count, created, story);
    }

    /// <summary>
    /// Validates and cleans an input and decides what to do: nothing (same content hash as stored, or as an
    /// earlier input of the same bulk run) or index it as created/updated.
    /// </summary>
    private async Task<PreparedDocument> PrepareAsync(DocumentInput input, Dictionary<string, (string Hash, int Chunks)>? knownInThisRun, CancellationToken cancellationToken)
    {
        if (input.Id is not null && !DocumentId.IsValid(input.Id))
        {
            throw new DocumentRejectedException("id", $"Document id '{Shorten(input.Id)}' is invalid: use {DocumentId.Describe}.");
        }

        if (input.Collection is not null && !DocumentKey.IsValidCollection(input.Collection))
        {
            throw new DocumentRejectedException("collection", $"Collection '{Shorten(input.Collection)}' is invalid: use {DocumentKey.DescribeCollection}.");
        }

        DocumentFields.Check(input);
        var cleaned = ArticleCleaner.Clean(input.Text, new ArticleMetadata { Title = NullIfBlank(input.Title), PublishedAt = input.PublishedAt, Source = NullIfBlank(input.Source) });
        cleaned = cleaned with { Title = DocumentFields.CapExtractedTitle(cleaned.Title) };
        if (string.IsNullOrWhiteSpace(cleaned.Text))
        {
            throw new DocumentRejectedException("text", "The document has no article text left after removing page boilerplate.");
        }

        if (!DocumentFields.HasVisibleText(cleaned.Text))
        {
            throw new DocumentRejectedException("text", "The document holds only invisible characters (such as U+200B); send readable text.");
        }

        var url = NullIfBlank(input.Url);
        var explicitLanguage = LanguageCode.Normalize(input.Language);
        var hash = ContentHash.Compute(cleaned.Title, url, cleaned.PublishedAt, cleaned.Source, cleaned.Text, explicitLanguage);
        var id = DocumentKey.Of(input.Collection, input.Id ?? DocumentId.FromContentHash(hash));
        var document = new NewsDocument(id, cleaned.Title, url, cleaned.PublishedAt, cleaned.Source, cleaned.Text, hash, explicitLanguage ?? TextLanguage.Detect(cleaned.Text))
        {
            // Only a name that gave the id is kept: with an id of its own (a PUT's), a file's name says nothing about it.
            FileName = input.Id is not null && input.FileName is { } name && input.Id == DocumentFileReader.IdFromFileName(name) ? name : null,
        };
        string? existingHash;
        int existingChunks;
        string? existingStory = null;
        if (knownInThisRun is not null && knownInThisRun.TryGetValue(id, out var earlier))
        {
            (existingHash, existingChunks) = earlier;
        }
        else
        {
            existingHash = await store.GetContentHashAsync(id, cancellationToken).ConfigureAwait(false);
            existingChunks = existingHash == hash ? (await store.GetChunksAsync(id, cancellationToken).ConfigureAwait(false)).Count : 0;
            existingStory = existingHash == hash ? (await store.GetAsync(id, cancellationToken).ConfigureAwait(false))?.StoryId : null;
        }

        if (existingHash == hash)
        {
            // The same content under another file's name is that file's id taken, not "unchanged".
            if (document.FileName is not null && knownInThisRun?.ContainsKey(id) != true)
            {
                try
                {
                    DocumentIdTakenException.ThrowIfTaken(document, (await store.GetAsync(id, cancellationToken).ConfigureAwait(false))?.FileName);
                }
                catch (DocumentIdTakenException ex)
                {
                    throw Taken(ex);
                }
            }

            return new PreparedDocument(input, document, []) { Finished = new IngestResult(id, cleaned.Title, cleaned.PublishedAt, existingChunks, hash, IngestStatus.Unchanged, document.Language) { StoryId = existingStory } };
        }

        var chunks = ChunkerFor(document).Chunk(document.Id, document.Text);
        if (knownInThisRun is not null)
        {
            knownInThisRun[id] = (hash, chunks.Count);
        }

        return new PreparedDocument(input, document, chunks);
    }

    /// <summary>Re-chunks and re-embeds a stored document as it is now (no cleaning): what `reindex` and the background backfill do after a model change. Null when the document is gone.</summary>
    /// A document stored before languages existed (Qdrant payloads without one read as "und") gets its language detected.
    public Task<int?> ReindexAsync(string documentId, CancellationToken cancellationToken = default) =>
        writeLocks.RunAsync<int?>(documentId, async () =>
        {
            // Read under the lock: a copy read before it could be older than an update that landed meanwhile.
            if (await store.GetAsync(documentId, cancellationToken).ConfigureAwait(false) is not { } document)
            {
                return null;
            }

            if (document.Language == LanguageCode.Undetermined)
            {
                document = document with { Language = TextLanguage.Detect(document.Text) };
            }

            return (await IndexStoredAsync(document, cancellationToken).ConfigureAwait(false)).Chunks;
        }, cancellationToken);

    /// <summary>
    /// Are a stored document's passages the ones chunking would cut now? Not after a change of the <c>Chunking</c>
    /// settings (ingest skips unchanged content, so the old passages stay) until <c>newsqa reindex</c> re-chunks it.
    /// Null when the document is gone.
    /// </summary>
    public async Task<bool?> IsChunkedAsConfiguredAsync(string documentId, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(documentId, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return null;
        }

        var stored = await store.GetChunksAsync(documentId, cancellationToken).ConfigureAwait(false);
        return stored.Select(c => c.Span).SequenceEqual(ChunkerFor(document).Chunk(document.Id, document.Text).Select(c => c.Span));
    }

    /// <summary>
    /// Moves a stored document to another collection, the one way a document changes collection: it is re-indexed under
    /// its key there (same id, text and file name), then removed from its old one. Written before removed, so a crash
    /// between leaves it in both, never in neither. Under both keys' locks.
    /// </summary>
    public Task<MoveResult> MoveAsync(string documentKey, string targetCollection, CancellationToken cancellationToken = default)
    {
        var target = DocumentKey.Of(targetCollection, DocumentKey.IdOf(documentKey));
        if (target == documentKey)
        {
            return Task.FromResult(MoveResult.Moved);
        }

        return writeLocks.RunAsync(documentKey, target, async () =>
        {
            if (await store.GetAsync(documentKey, cancellationToken).ConfigureAwait(false) is not { } document)
            {
                return MoveResult.NotFound;
            }

            if (await store.GetContentHashAsync(target, cancellationToken).ConfigureAwait(false) is not null)
            {
                return MoveResult.TargetTaken;
            }

            await IndexStoredAsync(document with { Id = target }, cancellationToken).ConfigureAwait(false);
            await store.DeleteAsync(documentKey, cancellationToken).ConfigureAwait(false);
            return MoveResult.Moved;
        }, cancellationToken);
    }

    /// <summary>Deletes a document and its chunks; false when there was none. Under the id's lock, so a re-embedding in flight cannot bring it back.</summary>
    public Task<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default) =>
        writeLocks.RunAsync(documentId, () => store.DeleteAsync(documentId, cancellationToken), cancellationToken);

    /// <summary>Writes a document as stored (re-index, move): chunked again from its text, under its key's collection and id.</summary>
    private Task<(int Chunks, bool Created, string StoryId)> IndexStoredAsync(NewsDocument document, CancellationToken cancellationToken) =>
        IndexAsync(
            new PreparedDocument(
                new DocumentInput(document.Text) { Id = DocumentKey.IdOf(document.Id), Collection = DocumentKey.CollectionOf(document.Id), FileName = document.FileName },
                document,
                ChunkerFor(document).Chunk(document.Id, document.Text)),
            cancellationToken);

    private async Task<(int Chunks, bool Created, string StoryId)> IndexAsync(PreparedDocument prepared, CancellationToken cancellationToken)
    {
        var dense = Dense;
        var vectors = dense is null ? null : await EmbedPassagesAsync(dense, prepared.Chunks.Select(c => c.Text).ToList(), cancellationToken).ConfigureAwait(false);
        await RecordModelAsync(dense, cancellationToken).ConfigureAwait(false);
        var terms = prepared.Chunks.Select(c => ChunkTerms.Of(analyzer, c.Text, prepared.Document.Title)).ToList();
        return await WriteAsync(prepared, terms, vectors, cancellationToken).ConfigureAwait(false);
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {DocumentId}: {ChunkCount} chunks ({Status})")]
    private static partial void LogIngested(ILogger logger, string documentId, int chunkCount, IngestStatus status);
}

/// <summary>What <see cref="IngestPipeline.MoveAsync"/> did.</summary>
public enum MoveResult
{
    Moved,
    NotFound,

    /// <summary>The target collection holds a document of that id: nothing moved, nothing overwritten.</summary>
    TargetTaken,
}
