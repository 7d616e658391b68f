using System.Text;
using NewsQA.Core.Search.Analysis;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// Turns analyzed terms into the sparse "lexical" vector. A chunk's weight for term t is BM25's saturated term
/// frequency <c>tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen))</c>; the collection's <c>modifier: idf</c> makes Qdrant
/// multiply the query side by IDF, so a query of 1 per term scores Σ idf(t)·w(t, chunk) — BM25 with a fixed
/// average length. A fixed <see cref="AverageChunkTerms"/> keeps stored weights valid as the corpus grows (a live
/// average would need every chunk rewritten); chunks are cut to similar sizes, so the error is small.
/// <para>
/// The grams field (<see cref="TermGrams"/>) lives in the same vector under its own dimensions (a gram's hash is taken
/// with a prefix no term has), with its own length normalisation; the query gives each gram <see cref="TermGrams.Weight"/>
/// instead of 1, so the score is terms' BM25 + weight × grams' BM25, as the embedded store adds them.
/// </para>
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

    /// <summary>About what the German analyzer keeps of a default chunk once stop words are gone (docs/quality-levers.md, LexicalVector).</summary>
    internal const double AverageChunkTerms = 60;

    /// <summary>The grams of such a chunk (measured beside the terms: docs/quality-levers.md, LexicalVector).</summary>
    internal const double AverageChunkGrams = 360;

    // A gram's dimension is hashed with this prefix, which no analyzed term starts with, so grams and terms never share one.
    private const string GramPrefix = "\u0001";

    /// <summary>The chunk side: BM25 term-frequency weights; null when the chunk has no terms at all.</summary>
    public static SparseTerms? ForChunk(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        var grams = TermGrams.Of(terms);
        return Build(Counts(terms, string.Empty, Saturation(terms.Count, AverageChunkTerms)).Concat(Counts(grams, GramPrefix, Saturation(grams.Count, AverageChunkGrams))));
    }

    /// <summary>
    /// The query side: 1 per distinct term, <see cref="TermGrams.Weight"/> per distinct gram, and
    /// <see cref="TermGrams.UnknownTermWeight"/> more for the grams of <paramref name="unknown"/> terms (Qdrant applies IDF);
    /// the weights add up per gram as the embedded store's BM25 sums do. Null when nothing is left to match.
    /// </summary>
    public static SparseTerms? ForQuery(IReadOnlyList<string> terms, IReadOnlyList<string>? unknown = null)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        var grams = Counts(TermGrams.Of(distinct).Distinct(StringComparer.Ordinal), GramPrefix, _ => TermGrams.Weight);
        return Build(Counts(distinct, string.Empty, _ => 1).Concat(grams).Concat(UnknownGrams(unknown ?? [], TermGrams.UnknownTermWeight)));
    }

    /// <summary>The grams of terms no chunk has, <paramref name="weight"/> each: what finds passages for them; null when there are none.</summary>
    public static SparseTerms? ForUnknownTerms(IReadOnlyList<string> unknown) =>
        unknown.Count == 0 ? null : Build(UnknownGrams(unknown, 1));

    private static IEnumerable<(uint Index, double Weight)> UnknownGrams(IReadOnlyList<string> unknown, double weight) =>
        Counts(TermGrams.Of(unknown.Distinct(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal), GramPrefix, _ => weight);

    /// <summary>The query's terms alone, 1 each: what finds the candidates the full query rescores.</summary>
    public static SparseTerms? ForQueryTerms(IReadOnlyList<string> terms) =>
        terms.Count == 0 ? null : Build(Counts(terms.Distinct(StringComparer.Ordinal), string.Empty, _ => 1));

    private static Func<int, double> Saturation(int length, double averageLength)
    {
        var norm = K1 * (1 - B + (B * length / averageLength));
        return tf => tf * (K1 + 1) / (tf + norm);
    }

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

    /// <summary>Each distinct item's dimension and weight (from its count); items whose hashes collide are summed.</summary>
    private static IEnumerable<(uint Index, double Weight)> Counts(IEnumerable<string> items, string prefix, Func<int, double> weight) =>
        items.GroupBy(i => i, StringComparer.Ordinal).Select(g => (Index(prefix + g.Key), weight(g.Count())));

    private static SparseTerms Build(IEnumerable<(uint Index, double Weight)> weights)
    {
        var byIndex = new SortedDictionary<uint, double>();
        foreach (var (index, weight) in weights)
        {
            byIndex[index] = byIndex.GetValueOrDefault(index) + weight;
        }

        return new SparseTerms([.. byIndex.Keys], [.. byIndex.Values.Select(w => (float)w)]);
    }
}

/// <summary>A sparse vector as Qdrant takes it: unique dimensions with their weights, index-aligned.</summary>
internal sealed record SparseTerms(uint[] Indices, float[] Values)
{
    public global::Qdrant.Client.Grpc.Vector ToVector() => (Values, Indices);

    public global::Qdrant.Client.Grpc.Query ToQuery() => (Values, Indices);
}
