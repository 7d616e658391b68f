using NewsQA.Core.Documents;

namespace NewsQA.Api.Contracts;

/// <summary>The contract's <c>filter</c>; dates as "YYYY[-MM[-DD]]".</summary>
public sealed record FilterDto(IReadOnlyList<string>? DocumentIds = null, IReadOnlyList<string>? Sources = null, string? PublishedFrom = null, string? PublishedTo = null);

public sealed record SearchRequestDto(string? Query, int? Top = null, string? Mode = null, FilterDto? Filter = null);

public sealed record ScoresDto(double? Dense, double? Lexical, double? Fused);

public sealed record SearchResultDto(string DocumentId, string ChunkId, string Title, PublicationDate? PublishedAt, string? Url, string? Source, string Text, TextSpan Span, double Score, ScoresDto Scores);

public sealed record SearchTimingsDto(double EmbedMs, double SearchMs, double TotalMs);

public sealed record SearchResponse(string Query, string Mode, IReadOnlyList<SearchResultDto> Results, SearchTimingsDto Timings);

public sealed record ChatTurnDto(string? Role, string? Content);

public sealed record AskRequestDto(string? Question, int? Top = null, FilterDto? Filter = null, IReadOnlyList<ChatTurnDto>? History = null);
