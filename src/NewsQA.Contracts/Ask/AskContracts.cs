using NewsQA.Contracts.Search;

namespace NewsQA.Contracts.Ask;

public sealed record ChatTurnDto(string? Role, string? Content);

/// <summary>The ask request; <c>referenceDate</c> ("YYYY-MM-DD", default today) anchors "letzte Woche" and the like.</summary>
public sealed record AskRequestDto(string? Question, int? Top = null, FilterDto? Filter = null, IReadOnlyList<ChatTurnDto>? History = null, string? ReferenceDate = null, string? Collection = null);
