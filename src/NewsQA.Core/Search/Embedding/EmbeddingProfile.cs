namespace NewsQA.Core.Search.Embedding;

/// <summary>
/// What the rest of NewsQA must know about the configured embedding model: its id (recorded with
/// every stored vector), its dimensions, and the prefixes its family expects (E5: "query: " / "passage: ").
/// </summary>
public sealed record EmbeddingProfile(string ModelId, int Dimensions, string QueryPrefix = "", string PassagePrefix = "")
{
    /// <summary>Languages the model knows (ISO 639-1), from its manifest; empty = unknown, trusted for all.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Does the model know <paramref name="language"/>? Unknown languages lists trust the model.</summary>
    public bool Knows(string language) => Languages.Count == 0 || Languages.Contains(language, StringComparer.OrdinalIgnoreCase);
}
