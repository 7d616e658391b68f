using NewsQA.Contracts.Search;

namespace NewsQA.Contracts.Ask;

public sealed record ChatTurnDto(string? Role, string? Content);

public sealed record AskRequestDto(string? Question, int? Top = null, FilterDto? Filter = null, IReadOnlyList<ChatTurnDto>? History = null);
