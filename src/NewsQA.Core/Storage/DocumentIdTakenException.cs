namespace NewsQA.Core.Storage;

/// <summary>
/// A document whose id was derived from a file name would replace one stored from another file name ("bericht.md"
/// over "bericht.txt"): the write is refused and the stored document stays. A document stored without a file name
/// (its sender named the id, or it predates file names being recorded) takes the new one's name.
/// </summary>
public sealed class DocumentIdTakenException(string documentId, string storedFileName, string fileName)
    : Exception($"The file name '{fileName}' gives the id '{documentId}', which the document from '{storedFileName}' already has; rename the file, or send it with an id of its own.")
{
    /// <summary>The plain id (the collection is the writer's own): what the message names.</summary>
    public string DocumentId { get; } = documentId;

    /// <summary>Throws when <paramref name="document"/> came from a file name other than the one <paramref name="storedFileName"/> records for its id.</summary>
    public static void ThrowIfTaken(Documents.NewsDocument document, string? storedFileName)
    {
        if (document.FileName is { } name && storedFileName is { } stored && !string.Equals(name, stored, StringComparison.Ordinal))
        {
            throw new DocumentIdTakenException(Documents.DocumentKey.IdOf(document.Id), stored, name);
        }
    }
}
