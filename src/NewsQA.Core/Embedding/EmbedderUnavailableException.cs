namespace NewsQA.Core.Embedding;

/// <summary>The embedding model is missing or failed; dense search cannot run (503, or lexical fallback in hybrid mode).</summary>
public sealed class EmbedderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
