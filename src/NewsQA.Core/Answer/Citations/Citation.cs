using NewsQA.Core.Documents;

namespace NewsQA.Core.Answer.Citations;

/// <summary>Exact words from a document: <c>document.Text[Span] == Quote</c>, checked before it is returned.</summary>
public sealed record Citation(
    int Id,
    string DocumentId,
    string ChunkId,
    string Title,
    string? Url,
    PublicationDate? PublishedAt,
    string Quote,
    TextSpan Span)
{
    /// <summary>The story of the cited document: the other outlets that carried the same text (contract: <c>story</c>).</summary>
    public Stories.StoryView? Story { get; init; }
}

/// <summary>A piece of the answer text and the citations that back it.</summary>
public sealed record AnswerSegment(string Text, IReadOnlyList<int> CitationIds);
