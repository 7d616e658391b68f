namespace NewsQA.Hosting.ModelLifecycle;

/// <summary>
/// One snapshot of <see cref="EmbeddingModelState"/>, replaced as a whole so readers never see a stage with another's
/// progress. <paramref name="Status"/> is one of the constants below, the names readiness reports;
/// <paramref name="Done"/>/<paramref name="Total"/> are bytes while downloading and documents while backfilling.
/// A model that is attached goes straight on to <see cref="Backfilling"/> (stored documents lack its vectors) or
/// <see cref="Searchable"/> (none do).
/// </summary>
public sealed record ModelStage(string Status, string Message, string? ModelId, long? Done = null, long? Total = null)
{
    /// <summary>No model attached: search is lexical.</summary>
    public const string Absent = "none";

    /// <summary>The configured model is being fetched: search is lexical.</summary>
    public const string Downloading = "downloading";

    /// <summary>A model is attached and the stored documents are being embedded with it: search stays lexical.</summary>
    public const string Backfilling = "embedding";

    /// <summary>A model is attached and every stored document has its vectors: search is hybrid.</summary>
    public const string Searchable = "ok";
}
