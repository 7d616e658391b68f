namespace NewsQA.Core.Ingest.Input;

/// <summary>A document that cannot be ingested as sent (empty after cleaning, bad id); a 400 for clients.</summary>
public sealed class DocumentRejectedException(string field, string message) : Exception(message)
{
    /// <summary>The input field at fault ("id", "text", "publishedAt").</summary>
    public string Field { get; } = field;
}
