namespace NewsQA.Core.Storage;

/// <summary>
/// A lexical index kept apart from the documents it is derived from (the embedded store's Lucene index), which can be
/// built afresh from them: <c>newsqa reindex --lexical</c>, and the way back named when it is found damaged.
/// </summary>
public interface IRebuildableLexicalIndex
{
    /// <summary>Rebuilds the index from every stored document; returns how many were indexed.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken = default);
}
