using System.Text;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Retrieval;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// Turns analyzed terms into the sparse "lexical" vector, scoring as <see cref="LexicalScoring"/> says (as the embedded
/// store's Lucene index does). A chunk's weight for term t is BM25's saturated term frequency
/// (<see cref="LexicalScoring.TermFrequencyWeight"/>, with its fixed average lengths, so stored weights stay valid as the
/// corpus grows); the collection's <c>modifier: idf</c> makes Qdrant multiply the query side by IDF, so the score is
/// Σ query weight · idf(t) · w(t, chunk).
/// <para>
/// The grams field (<see cref="TermGrams"/>) and the whole document's terms (<see cref="DocumentTerms"/>) live in the same
/// vector under dimensions of their own (hashed with a prefix no term has); the query gives each gram
/// <see cref="LexicalScoring.GramWeight"/> and each document term <see cref="LexicalScoring.DocumentWeight"/>, so the
/// three BM25s add up as in Lucene's one query. Qdrant's IDF counts points (chunks), as Lucene counts its documents
/// (chunks), so the document terms' idf is the same in both.
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
    // Grams' and document terms' dimensions are hashed with these prefixes, which no analyzed term starts with.
    private const string GramPrefix = "\u0001";
    private const string DocumentPrefix = "\u0002";

    /// <summary>The chunk side: BM25 term-frequency weights of its terms, grams and document terms; null when the chunk has no terms.</summary>
    public static SparseTerms? ForChunk(IReadOnlyList<string> terms, IReadOnlyList<string> documentTerms)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        var grams = TermGrams.Of(terms);
        return Build(Counts(terms, string.Empty, tf => LexicalScoring.TermFrequencyWeight(tf, terms.Count, LexicalField.Terms))
            .Concat(Counts(grams, GramPrefix, tf => LexicalScoring.TermFrequencyWeight(tf, grams.Count, LexicalField.Grams)))
            .Concat(Counts(documentTerms, DocumentPrefix, tf => LexicalScoring.TermFrequencyWeight(tf, documentTerms.Count, LexicalField.DocumentTerms))));
    }

    /// <summary>
    /// The query side: 1 per distinct term, <see cref="LexicalScoring.GramWeight"/> per distinct gram (plus
    /// <see cref="LexicalScoring.UnknownTermGramWeight"/> for the grams of <paramref name="unknown"/> terms), and
    /// <see cref="LexicalScoring.DocumentWeight"/> per distinct term in the document dimensions (Qdrant applies IDF).
    /// Null when nothing is left to match.
    /// </summary>
    public static SparseTerms? ForQuery(IReadOnlyList<string> terms, IReadOnlyList<string>? unknown = null)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        var grams = Counts(TermGrams.Of(distinct).Distinct(StringComparer.Ordinal), GramPrefix, _ => LexicalScoring.GramWeight);
        var documentTerms = Counts(distinct, DocumentPrefix, _ => LexicalScoring.DocumentWeight);
        return Build(Counts(distinct, string.Empty, _ => 1).Concat(grams).Concat(documentTerms).Concat(UnknownGrams(unknown ?? [], LexicalScoring.UnknownTermGramWeight)));
    }

    /// <summary>The grams of terms no chunk has, <paramref name="weight"/> each: what finds passages for them; null when there are none.</summary>
    public static SparseTerms? ForUnknownTerms(IReadOnlyList<string> unknown) =>
        unknown.Count == 0 ? null : Build(UnknownGrams(unknown, 1));

    private static IEnumerable<(uint Index, double Weight)> UnknownGrams(IReadOnlyList<string> unknown, double weight) =>
        Counts(TermGrams.Of(unknown.Distinct(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal), GramPrefix, _ => weight);

    /// <summary>The query's terms alone, 1 each: what finds the candidates the full query rescores.</summary>
    public static SparseTerms? ForQueryTerms(IReadOnlyList<string> terms) =>
        terms.Count == 0 ? null : Build(Counts(terms.Distinct(StringComparer.Ordinal), string.Empty, _ => 1));

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
