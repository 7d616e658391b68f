namespace NewsQA.Core.Storage;

/// <summary>The store cannot be reached or used right now (a 503 for clients, not a 500).</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The part that failed, as health checks and problem details name it ("Qdrant", "embedded store").</summary>
    public string Component { get; init; } = "store";

    /// <summary>
    /// The component as the subject that starts a sentence or a title ("Qdrant", "Embedded store"): a product name
    /// takes no article, so readers never see "The Qdrant".
    /// </summary>
    public string ComponentSubject => Component.Length == 0 ? Component : char.ToUpperInvariant(Component[0]) + Component[1..];
}
