using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using NewsQA.Core.Search.Retrieval;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// Lucene's BM25 with <see cref="LexicalScoring"/>'s parameters and its fixed average field lengths instead of the
/// index's running averages: the scores then equal those of Qdrant's sparse vectors, whose stored weights cannot follow
/// a running average.
/// </summary>
internal sealed class FixedLengthBm25() : BM25Similarity(LexicalScoring.K1, LexicalScoring.B)
{
    protected override float AvgFieldLength(CollectionStatistics collectionStats) =>
        LexicalFields.Of(collectionStats.Field) is { } field ? LexicalScoring.AverageLength(field) : base.AvgFieldLength(collectionStats);
}
