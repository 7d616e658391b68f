namespace NewsQA.Core.Search.Analysis;

/// <summary>
/// The second lexical field of every backend: the character 3-grams of each analyzed term, with "_" marking the
/// term's start and end ("drohn" → "_dr", "dro", "roh", "ohn", "hn_"); terms of up to four characters stay whole.
/// German compounds share their parts' grams ("Funkwellen" meets "Wellen", "Eisenbahnstrecke" meets "Strecke"), and
/// stems the stemmer left apart still meet on most grams. Their share of a chunk's score is
/// <see cref="Retrieval.LexicalScoring.GramWeight"/>; grams only reorder the chunks the terms found (a passage sharing a
/// few letters with the question is never found by them alone), except the grams of a query term no chunk has. They
/// ranked better than corpus-dictionary decompounding (Lucene's DictionaryCompoundWordTokenFilter), 4-grams, or grams
/// that find chunks on their own (docs/quality-levers.md, TermGrams).
/// </summary>
public static class TermGrams
{
    private const int Size = 3;

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
