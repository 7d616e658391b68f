namespace NewsQA.Core.Search.Query;

/// <summary>An earlier turn of a conversation ("user" or "assistant"), for rewriting a follow-up question.</summary>
public sealed record ChatTurn(string Role, string Content);
