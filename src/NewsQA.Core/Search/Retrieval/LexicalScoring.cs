namespace NewsQA.Core.Search.Retrieval;

/// <summary>
/// How every backend scores a chunk lexically, in one place that the embedded store's Lucene index and Qdrant's sparse
/// vectors both read: BM25 (<see cref="K1"/>, <see cref="B"/>) of three fields, summed with their weights:
/// the chunk's terms (1 per query term), its grams (<see cref="GramWeight"/> per query gram, plus
/// <see cref="UnknownTermGramWeight"/> for the grams of query terms no chunk has: <see cref="Analysis.TermGrams"/>), and
/// its whole document's terms (<see cref="DocumentWeight"/> per query term). Each field's length is normalised against a
/// fixed average (<see cref="AverageLength"/>): stored weights stay valid as the archive grows (Qdrant keeps them in its
/// sparse vectors, which a live average would need rewritten), and both backends then score alike.
/// </summary>
public static class LexicalScoring
{
    /// <summary>BM25's term-frequency saturation (Lucene's and Qdrant's documented default).</summary>
    public const float K1 = 1.2f;

    /// <summary>BM25's length normalisation (Lucene's and Qdrant's documented default).</summary>
    public const float B = 0.75f;

    /// <summary>Share of the grams' BM25 in a chunk's lexical score (the shares tried: docs/quality-levers.md, TermGrams.Weight).</summary>
    public const float GramWeight = 0.2f;

    /// <summary>
    /// Added to <see cref="GramWeight"/> for the grams of a query term no chunk has (a misspelt name, "Cypiddids" for
    /// "cydippids"; a form the stemmer left apart; a compound the archive never wrote): such a term scores nothing itself,
    /// so its letters stand in for it (the weights tried: docs/quality-levers.md, TermGrams.UnknownTermWeight).
    /// </summary>
    public const float UnknownTermGramWeight = 0.3f;

    /// <summary>
    /// The document's share: a passage of an article that is about the question outranks an equally matching passage of
    /// one that mentions it in passing. Larger shares ranked the archive-scale sets better but the small sets, English
    /// first places and answers worse (the shares tried: docs/quality-levers.md, LexicalScoring.DocumentWeight).
    /// </summary>
    public const float DocumentWeight = 0.5f;

    /// <summary>
    /// How many chunks, ranked by their terms alone, the grams and the document share rescore, in both backends: deep
    /// enough that they can reorder a page (docs/quality-levers.md, LexicalScoring.CandidateDepth).
    /// </summary>
    public static int CandidateDepth(int top) => Math.Max(100, top * 4);

    /// <summary>The fixed average length of each field (docs/quality-levers.md, LexicalScoring.AverageLength).</summary>
    public static float AverageLength(LexicalField field) => field switch
    {
        // About what the German analyzer keeps of a default chunk once stop words are gone, title included.
        LexicalField.Terms => 60,
        LexicalField.Grams => 360,

        // A news article of a few chunks.
        LexicalField.DocumentTerms => 240,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>A field's BM25 term-frequency weight <c>tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen))</c>, with the field's exact length.</summary>
    public static float TermFrequencyWeight(int termFrequency, int fieldLength, LexicalField field)
    {
        var norm = K1 * ((1 - B) + (B * fieldLength / AverageLength(field)));
        return termFrequency * (K1 + 1) / (termFrequency + norm);
    }

    /// <summary>BM25's idf as Lucene and Qdrant compute it: <c>ln(1 + (n − df + 0.5) / (df + 0.5))</c>.</summary>
    public static float Idf(long documentFrequency, long documents) =>
        (float)Math.Log(1 + ((documents - documentFrequency + 0.5D) / (documentFrequency + 0.5D)));
}

/// <summary>The three fields a chunk is indexed under for lexical search (<see cref="LexicalScoring"/>).</summary>
public enum LexicalField
{
    Terms,
    Grams,
    DocumentTerms,
}
