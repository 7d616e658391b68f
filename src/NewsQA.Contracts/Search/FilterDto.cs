namespace NewsQA.Contracts.Search;

/// <summary>The contract's <c>filter</c> of search and ask; dates as "YYYY[-MM[-DD]]", <c>language</c> an ISO 639-1 code (or "und").</summary>
public sealed record FilterDto(IReadOnlyList<string>? DocumentIds = null, IReadOnlyList<string>? Sources = null, string? PublishedFrom = null, string? PublishedTo = null, string? Language = null);
