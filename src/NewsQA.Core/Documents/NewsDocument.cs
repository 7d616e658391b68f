namespace NewsQA.Core.Documents;

/// <summary>An ingested article: metadata plus its cleaned text, which every span points into.</summary>
public sealed record NewsDocument(
    string Id,
    string Title,
    string? Url,
    PublicationDate? PublishedAt,
    string? Source,
    string Text,
    string ContentHash);

/// <summary>The metadata a result or citation carries about its document, without the text.</summary>
public sealed record DocumentSummary(string Id, string Title, string? Url, PublicationDate? PublishedAt, string? Source, int Chunks);
