namespace NewsQA.Core.Search.Analysis;

/// <summary>
/// The terms of a whole document for the document share of lexical scoring
/// (<see cref="Retrieval.LexicalScoring.DocumentWeight"/>): its chunks' terms (<see cref="ChunkTerms"/>) together, in every backend.
/// </summary>
public static class DocumentTerms
{
    public static IReadOnlyList<string> Of(IEnumerable<IReadOnlyList<string>> chunkTerms)
    {
        ArgumentNullException.ThrowIfNull(chunkTerms);
        return [.. chunkTerms.SelectMany(t => t)];
    }
}
