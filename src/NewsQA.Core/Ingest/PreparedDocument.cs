using NewsQA.Core.Documents;
using NewsQA.Core.Ingest.Input;

namespace NewsQA.Core.Ingest;

/// <summary>A cleaned, hashed and chunked document on its way to the store, or one that needs nothing (<see cref="Finished"/>).</summary>
internal sealed record PreparedDocument(DocumentInput Input, NewsDocument Document, IReadOnlyList<Chunk> Chunks)
{
    /// <summary>Set when there is nothing to write (unchanged content): the result to report as is.</summary>
    public IngestResult? Finished { get; init; }

    /// <summary>Analyzed terms per chunk, filled by the bulk path's preparation stage.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Terms { get; init; }

    /// <summary>The result of a write: <paramref name="created"/> is the store's word, not the look-up before it (another process may have written the id since).</summary>
    public IngestResult Result(int chunks, bool created, string storyId) =>
        new(Document.Id, Document.Title, Document.PublishedAt, chunks, Document.ContentHash, created ? IngestStatus.Created : IngestStatus.Updated, Document.Language) { StoryId = storyId };
}

/// <summary>What became of one input of a bulk ingest: its result, or why it was rejected.</summary>
public sealed record IngestOutcome(DocumentInput Input, IngestResult? Result, DocumentRejectedException? Error);
