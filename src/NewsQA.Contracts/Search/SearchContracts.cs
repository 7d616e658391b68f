using NewsQA.Core.Documents;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Stories;

namespace NewsQA.Contracts.Search;

/// <summary><c>group</c>: "story" (default) shows each story's copies once, "none" every copy; <c>sort</c>: "relevance" (default) or "date" (newest first).</summary>
public sealed record SearchRequestDto(string? Query, int? Top = null, string? Mode = null, FilterDto? Filter = null, string? Collection = null, string? Group = null, string? Sort = null);

public sealed record ScoresDto(double? Dense, double? Lexical, double? Fused);

/// <summary><c>story</c>: the result's story and every document of it (the other outlets that carried the same text).</summary>
public sealed record SearchResultDto(string DocumentId, string ChunkId, string Title, PublicationDate? PublishedAt, string? Url, string? Source, string Text, TextSpan Span, double Score, ScoresDto Scores, string Language, string Collection, StoryView Story);

public sealed record SearchTimingsDto(double EmbedMs, double SearchMs, double TotalMs);

public sealed record SearchResponse(string Query, SearchMode Mode, IReadOnlyList<SearchResultDto> Results, SearchTimingsDto Timings)
{
    /// <summary>How the query was read: null unless it asked for recent news (then <c>recency</c>: the decay applied).</summary>
    public SearchInterpretationDto? Interpretation { get; init; }
}

public sealed record SearchInterpretationDto(RecencyDecay? Recency);
