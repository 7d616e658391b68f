using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using NewsQA.Core.Search.Retrieval;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// BM25 as <see cref="LexicalScoring"/> writes it, for Lucene: its k1 and b, its fixed average length per field, and each
/// field's exact length kept as the norm. Lucene's own BM25Similarity keeps a length in one byte (three bits of
/// mantissa: lengths a few terms apart share a value, up to an eighth off), which reordered close chunks; Qdrant's
/// sparse vectors are built with the same exact lengths, so both backends score alike.
/// </summary>
internal sealed class ChunkBm25 : Similarity
{
    public override long ComputeNorm(FieldInvertState state) => state.Length;

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        var idf = termStats.Sum(t => LexicalScoring.Idf(t.DocFreq, collectionStats.MaxDoc));
        var field = LexicalFields.Of(collectionStats.Field);
        return new Weight(collectionStats.Field, idf, queryBoost, field is { } f ? LexicalScoring.AverageLength(f) : 1);
    }

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        var w = (Weight)weight;
        return new Scorer(w, context.AtomicReader.GetNormValues(w.Field));
    }

    private sealed class Weight(string field, float idf, float queryBoost, float averageLength) : SimWeight
    {
        public string Field { get; } = field;

        public float AverageLength { get; } = averageLength;

        public float Value { get; private set; } = idf * queryBoost;

        public override float GetValueForNormalization() => (idf * queryBoost) * (idf * queryBoost);

        // BM25 does not normalise by the query; only a boost from an enclosing query applies.
        public override void Normalize(float queryNorm, float topLevelBoost) => Value = idf * queryBoost * topLevelBoost;
    }

    private sealed class Scorer(Weight weight, NumericDocValues? lengths) : SimScorer
    {
        public override float Score(int doc, float freq)
        {
            var length = lengths is null ? weight.AverageLength : lengths.Get(doc);
            var norm = LexicalScoring.K1 * ((1 - LexicalScoring.B) + (LexicalScoring.B * length / weight.AverageLength));
            return weight.Value * freq * (LexicalScoring.K1 + 1) / (freq + norm);
        }

        public override float ComputeSlopFactor(int distance) => 1f / (distance + 1);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1;
    }
}
