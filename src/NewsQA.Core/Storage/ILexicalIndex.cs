namespace NewsQA.Core.Storage;

/// <summary>
/// Lexical (BM25-style) search over the analyzed terms of the chunks in <see cref="IDocumentStore"/>: an index derived
/// from the stored terms, which shows every upsert and delete once it has returned. Scores are "higher is better";
/// filters apply before ranking, so <c>top</c> results match the filter.
/// </summary>
public interface ILexicalIndex
{
    Task<IReadOnlyList<ChunkHit>> SearchLexicalAsync(IReadOnlyList<string> queryTerms, SearchFilter filter, int top, CancellationToken cancellationToken = default);
}
