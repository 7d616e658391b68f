using NewsQA.Core.Documents;
using NewsQA.Core.Search.Retrieval;

namespace NewsQA.Contracts.Search;

public sealed record SearchRequestDto(string? Query, int? Top = null, string? Mode = null, FilterDto? Filter = null, string? Collection = null);

public sealed record ScoresDto(double? Dense, double? Lexical, double? Fused);

public sealed record SearchResultDto(string DocumentId, string ChunkId, string Title, PublicationDate? PublishedAt, string? Url, string? Source, string Text, TextSpan Span, double Score, ScoresDto Scores, string Language, string Collection);

public sealed record SearchTimingsDto(double EmbedMs, double SearchMs, double TotalMs);

public sealed record SearchResponse(string Query, SearchMode Mode, IReadOnlyList<SearchResultDto> Results, SearchTimingsDto Timings);
