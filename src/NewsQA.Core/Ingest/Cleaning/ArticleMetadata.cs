using NewsQA.Core.Documents;

namespace NewsQA.Core.Ingest.Cleaning;

/// <summary>Metadata the caller already knows (from JSON fields); the cleaner does not override it.</summary>
public sealed record ArticleMetadata
{
    public string? Title { get; init; }
    public PublicationDate? PublishedAt { get; init; }
    public string? Source { get; init; }
}
