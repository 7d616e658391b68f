using NewsQA.Core.Documents;

namespace NewsQA.Core.Stories;

/// <summary>
/// A story as a search result or citation shows it (contract: <c>story</c>): its id, how many documents carry it, and
/// each of them, oldest first, the shown one included; a reader sees which outlets carried the same text.
/// </summary>
public sealed record StoryView(string Id, int Size, IReadOnlyList<StoryMember> Documents)
{
    public static StoryView Of(string storyId, IReadOnlyList<DocumentSummary> members) =>
        new(storyId, members.Count, members.Select(m => new StoryMember(m.Id, m.Title, m.Source, m.PublishedAt, m.Url)).ToList());

    /// <summary>The story with ids as clients know them: store keys (<see cref="DocumentKey"/>) without their collection.</summary>
    public StoryView OnTheWire() =>
        this with { Id = DocumentKey.IdOf(Id), Documents = [.. Documents.Select(d => d with { DocumentId = DocumentKey.IdOf(d.DocumentId) })] };
}

/// <summary>One document of a story.</summary>
public sealed record StoryMember(string DocumentId, string Title, string? Source, PublicationDate? PublishedAt, string? Url);
