using NewsQA.Core.Documents;

namespace NewsQA.Core.Ingest.Input;

/// <summary>
/// A document as it arrives: raw text (seed-like or clean) plus whatever metadata the sender knew.
/// Missing metadata is extracted from the text by the cleaner.
/// </summary>
public sealed record DocumentInput(string Text)
{
    public string? Id { get; init; }

    /// <summary>The collection the document belongs to (<see cref="DocumentKey"/>); null: <c>default</c>.</summary>
    public string? Collection { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public PublicationDate? PublishedAt { get; init; }
    public string? Source { get; init; }

    /// <summary>The sender's ISO 639-1 code as sent (<see cref="DocumentFields.Check"/> refuses anything else); null or blank = detect it.</summary>
    public string? Language { get; init; }

    /// <summary>The file name the <see cref="Id"/> was derived from (<see cref="DocumentFileReader.IdFromFileName"/>); null when the sender named the id.</summary>
    public string? FileName { get; init; }

    /// <summary>Where the input came from (file and line), for error messages.</summary>
    public string? Origin { get; init; }
}
