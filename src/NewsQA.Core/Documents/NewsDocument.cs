using NewsQA.Core.Language;

namespace NewsQA.Core.Documents;

/// <summary>
/// An ingested article: metadata plus its cleaned text, which every span points into. <see cref="Language"/> is the
/// sender's ISO 639-1 code or the detected one (<see cref="TextLanguage"/>), "und" when neither tells.
/// </summary>
public sealed record NewsDocument(
    string Id,
    string Title,
    string? Url,
    PublicationDate? PublishedAt,
    string? Source,
    string Text,
    string ContentHash,
    string Language = LanguageCode.Undetermined)
{
    /// <summary>
    /// The file name (NFC, without folders) this document's id was derived from, or null when its sender named the id
    /// or none was needed. A store refuses to write a document of another file name over it
    /// (<see cref="Storage.DocumentIdTakenException"/>), so two files never silently replace each other.
    /// </summary>
    public string? FileName { get; init; }

    /// <summary>
    /// The story this document belongs to (<see cref="Stories.StoryGrouper"/>): the id of the story's first member,
    /// stored with the document. Null for a document not yet assigned; a store reads back its own id for one stored
    /// before stories existed.
    /// </summary>
    public string? StoryId { get; init; }

    /// <summary>The story keys to store with the document; set on the way in, null when read back.</summary>
    public Stories.StoryFingerprint? Fingerprint { get; init; }
}

/// <summary>The metadata a result or citation carries about its document, without the text.</summary>
/// <remarks><see cref="Id"/> is the store key (<see cref="DocumentKey"/>); <see cref="Collection"/> is derived from it.</remarks>
public sealed record DocumentSummary(string Id, string Title, string? Url, PublicationDate? PublishedAt, string? Source, int Chunks, string Language = LanguageCode.Undetermined)
{
    public string Collection => DocumentKey.CollectionOf(Id);

    /// <summary>The document's story (<see cref="NewsDocument.StoryId"/>, a store key); its own key when none is stored.</summary>
    public string StoryId { get => storyId ?? Id; init => storyId = value; }

    private readonly string? storyId;
}
