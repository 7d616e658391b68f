namespace NewsQA.Core.Search.Embedding;

/// <summary>The embedding model is missing or failed; dense search cannot run (503, or lexical fallback in hybrid mode).</summary>
public sealed class EmbedderUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>
    /// A sentence a reader may see, when the situation is one they can act on ("still being embedded"); null when
    /// only the log should know the details (the message may carry file paths or ONNX Runtime text).
    /// </summary>
    public string? ReaderMessage { get; init; }
}
