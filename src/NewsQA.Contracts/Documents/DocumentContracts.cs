using NewsQA.Core.Documents;
using NewsQA.Core.Ingest.Input;

namespace NewsQA.Contracts.Documents;

/// <summary>
/// A document sent as JSON, as the OpenAPI document describes it; Core's <c>DocumentDecoder</c> reads it, with
/// <c>body</c> as an alias of <c>text</c> and <c>date</c> of <c>publishedAt</c>. Without
/// <c>title</c>/<c>publishedAt</c>/<c>source</c>, they are extracted from the text.
/// </summary>
public sealed record DocumentRequest(string? Text, string? Id = null, string? Title = null, string? Url = null, string? PublishedAt = null, string? Source = null, string? Body = null, string? Date = null, string? Language = null, string? Collection = null);

/// <summary><c>storyId</c>: the story the document joined (the id of its first member; its own id when it is the first).</summary>
public sealed record IngestResponse(string Id, string Title, PublicationDate? PublishedAt, int Chunks, string ContentHash, IngestStatus Status, string Language, string Collection, string? StoryId);

public sealed record ChunkReference(string Id, TextSpan Span);

public sealed record DocumentResponse(string Id, string Title, string? Url, PublicationDate? PublishedAt, string? Source, string Text, string ContentHash, IReadOnlyList<ChunkReference> Chunks, string Language, string Collection, string StoryId);

public sealed record DocumentListItem(string Id, string Title, PublicationDate? PublishedAt, string? Source, int Chunks, string Language, string Collection);

public sealed record DocumentListResponse(IReadOnlyList<DocumentListItem> Items, string? NextCursor);

/// <summary>
/// The one mapping from Core's documents to their wire shapes. Core keys a document by <see cref="DocumentKey"/>; the
/// wire carries the plain id (and chunk id) with the collection beside it.
/// </summary>
public static class DocumentMapping
{
    public static IngestResponse ToResponse(this IngestResult r) =>
        new(DocumentKey.IdOf(r.Id), r.Title, r.PublishedAt, r.Chunks, r.ContentHash, r.Status, r.Language, DocumentKey.CollectionOf(r.Id), r.StoryId is { } story ? DocumentKey.IdOf(story) : null);

    public static DocumentResponse ToResponse(this NewsDocument d, IReadOnlyList<Chunk> chunks) =>
        new(DocumentKey.IdOf(d.Id), d.Title, d.Url, d.PublishedAt, d.Source, d.Text, d.ContentHash, chunks.Select(c => new ChunkReference(DocumentKey.IdOf(c.Id), c.Span)).ToList(), d.Language, DocumentKey.CollectionOf(d.Id), DocumentKey.IdOf(d.StoryId ?? d.Id));

    public static DocumentListItem ToListItem(this DocumentSummary s) => new(DocumentKey.IdOf(s.Id), s.Title, s.PublishedAt, s.Source, s.Chunks, s.Language, s.Collection);
}

/// <summary>The body of <c>POST /api/documents/{id}/move</c>: the collection to move to (the source is <c>?collection=</c>).</summary>
public sealed record MoveRequest(string? To);

public sealed record MoveResponse(string Id, string Collection);
