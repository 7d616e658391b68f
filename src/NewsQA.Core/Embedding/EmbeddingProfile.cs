namespace NewsQA.Core.Embedding;

/// <summary>
/// What the rest of NewsQA must know about the configured embedding model: its id (recorded with
/// every stored vector), its dimensions, and the prefixes its family expects (E5: "query: " / "passage: ").
/// </summary>
public sealed record EmbeddingProfile(string ModelId, int Dimensions, string QueryPrefix = "", string PassagePrefix = "");
