namespace NewsQA.Contracts.Search;

/// <summary>The contract's <c>filter</c> of search and ask; dates as "YYYY[-MM[-DD]]".</summary>
public sealed record FilterDto(IReadOnlyList<string>? DocumentIds = null, IReadOnlyList<string>? Sources = null, string? PublishedFrom = null, string? PublishedTo = null);
