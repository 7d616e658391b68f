namespace NewsQA.Core.Documents;

/// <summary>
/// A passage of a document: a run of whole sentences. <see cref="Text"/> always equals
/// <c>document.Text[Span]</c>, so a hit can be shown and checked against its source.
/// </summary>
public sealed record Chunk(string Id, string DocumentId, int Index, TextSpan Span, string Text)
{
    /// <summary>Chunk ids are derived from the document id, so re-ingesting never creates new identities.</summary>
    public static string MakeId(string documentId, int index) => $"{documentId}#{index}";
}
