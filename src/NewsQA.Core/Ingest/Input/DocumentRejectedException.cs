namespace NewsQA.Core.Ingest.Input;

/// <summary>A document that cannot be ingested as sent (empty after cleaning, bad id, an id taken by another file); a 400 (409) for clients.</summary>
public sealed class DocumentRejectedException(string field, string message) : Exception(message)
{
    /// <summary>The input field at fault ("id", "text", "publishedAt").</summary>
    public string Field { get; } = field;

    /// <summary>The id is taken by a document from another file name (<see cref="Storage.DocumentIdTakenException"/>): a conflict (409), not a malformed input.</summary>
    public bool IsConflict { get; init; }
}
