using System.Text;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// Turns analyzed terms into the sparse "lexical" vector. A chunk's weight for term t is BM25's saturated term
/// frequency <c>tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen))</c>; the collection's <c>modifier: idf</c> makes Qdrant
/// multiply the query side by IDF, so a query of 1 per term scores Σ idf(t)·w(t, chunk) — BM25 with a fixed
/// average length. A fixed <see cref="AverageChunkTerms"/> keeps stored weights valid as the corpus grows (a live
/// average would need every chunk rewritten); chunks are cut to similar sizes, so the error is small.
/// <para>
/// A term's dimension is the FNV-1a 32-bit hash of its UTF-8 bytes: stable across processes and versions with no
/// vocabulary to store. Two terms may collide (about n²/2³³ pairs for n distinct terms: ~1 pair at 100k terms,
/// ~100 at 1M); colliding terms then share a dimension and its IDF, which slightly blurs their scores but never
/// hides a match. Colliding terms within one chunk or query are summed, since indices must be unique.
/// </para>
/// </summary>
internal static class LexicalVector
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>About what the German analyzer keeps of a default ~700-character chunk once stop words are gone.</summary>
    internal const double AverageChunkTerms = 60;

    /// <summary>The chunk side: BM25 term-frequency weights; null when the chunk has no terms at all.</summary>
    public static SparseTerms? ForChunk(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        var norm = K1 * (1 - B + (B * terms.Count / AverageChunkTerms));
        return Build(terms, tf => (float)(tf * (K1 + 1) / (tf + norm)));
    }

    /// <summary>The query side: 1 per distinct term (Qdrant applies IDF); null when nothing is left to match.</summary>
    public static SparseTerms? ForQuery(IReadOnlyList<string> terms) =>
        terms.Count == 0 ? null : Build(terms.Distinct(StringComparer.Ordinal).ToList(), tf => (float)tf);

    internal static uint Index(string term)
    {
        const uint offset = 2166136261, prime = 16777619;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes(term))
        {
            hash = (hash ^ b) * prime;
        }

        return hash;
    }

    private static SparseTerms Build(IReadOnlyList<string> terms, Func<int, float> weight)
    {
        var counts = new SortedDictionary<uint, int>();
        foreach (var term in terms)
        {
            var index = Index(term);
            counts[index] = counts.GetValueOrDefault(index) + 1;
        }

        return new SparseTerms([.. counts.Keys], [.. counts.Values.Select(weight)]);
    }
}

/// <summary>A sparse vector as Qdrant takes it: unique dimensions with their weights, index-aligned.</summary>
internal sealed record SparseTerms(uint[] Indices, float[] Values)
{
    public global::Qdrant.Client.Grpc.Vector ToVector() => (Values, Indices);

    public global::Qdrant.Client.Grpc.Query ToQuery() => (Values, Indices);
}
