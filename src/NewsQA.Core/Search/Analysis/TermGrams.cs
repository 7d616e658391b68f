namespace NewsQA.Core.Search.Analysis;

/// <summary>
/// The second lexical field of every backend: the character 3-grams of each analyzed term, with "_" marking the
/// term's start and end ("drohn" → "_dr", "dro", "roh", "ohn", "hn_"); terms of up to four characters stay whole.
/// German compounds share their parts' grams ("Funkwellen" meets "Wellen", "Eisenbahnstrecke" meets "Strecke"), and
/// stems the stemmer left apart still meet on most grams. A chunk's lexical score is its terms' BM25 plus
/// <see cref="Weight"/> × its grams' BM25; grams only reorder the chunks the terms found (a passage sharing a few letters
/// with the question is never found by them alone). They ranked better than corpus-dictionary decompounding (Lucene's
/// DictionaryCompoundWordTokenFilter), 4-grams, or grams that find chunks on their own (docs/quality-levers.md, TermGrams).
/// </summary>
public static class TermGrams
{
    /// <summary>Share of the grams' BM25 in a chunk's lexical score (the shares tried: docs/quality-levers.md, TermGrams.Weight).</summary>
    public const double Weight = 0.2;

    private const int Size = 3;

    /// <summary>
    /// How many chunks the terms find for the grams to reorder, in both backends (so both rerank the same chunks):
    /// enough that the combination can reorder a page.
    /// </summary>
    public static int Candidates(int top) => Math.Max(100, top * 4);

    /// <summary>
    /// Added to <see cref="Weight"/> for the grams of a query term no chunk has (a misspelt name, "Cypiddids" for
    /// "cydippids"; a form the stemmer left apart, "septicemia" beside "septicemic"; a compound the archive never wrote):
    /// such a term scores nothing itself, so its letters stand in for it at half a term's weight (the weights tried:
    /// docs/quality-levers.md, TermGrams.UnknownTermWeight).
    /// </summary>
    public const double UnknownTermWeight = 0.3;

    /// <summary>
    /// How many chunks the grams of the query's unknown terms find beside the terms' candidates (a passage that shares no
    /// term with the question cannot be found otherwise); the counts tried ranked alike (docs/quality-levers.md,
    /// TermGrams.UnknownTermCandidates).
    /// </summary>
    public const int UnknownTermCandidates = 20;

    /// <summary>Grams of <paramref name="terms"/> in order, with repeats (BM25 counts them).</summary>
    public static IReadOnlyList<string> Of(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var grams = new List<string>();
        foreach (var term in terms)
        {
            if (term.Length <= Size + 1)
            {
                grams.Add(term);
                continue;
            }

            var marked = "_" + term + "_";
            for (var i = 0; i + Size <= marked.Length; i++)
            {
                grams.Add(marked.Substring(i, Size));
            }
        }

        return grams;
    }
}
