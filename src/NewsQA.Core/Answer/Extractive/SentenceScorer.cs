using NewsQA.Core.Search.Query;
using System.Text.RegularExpressions;

namespace NewsQA.Core.Answer.Extractive;

/// <summary>
/// Scores how well a text covers a question's content terms: the share of question terms it contains,
/// where a compound containing the term (or contained in it, "Waffenproduktion" ~ "Produktion")
/// counts <see cref="PartialMatch"/>. Coverage is on an absolute 0..1 scale, which is what lets a
/// single calibrated threshold separate answerable from unanswerable questions.
/// </summary>
public static partial class SentenceScorer
{
    public const double PartialMatch = 0.6;
    private const int MinPartialLength = 4;

    /// <summary>Weighted share of the question's terms found in <paramref name="textTerms"/>, in 0..1.</summary>
    /// <param name="question">The question's content terms.</param>
    /// <param name="textTerms">Analyzed terms of a sentence or passage.</param>
    /// <param name="weights">Per question term; terms without a weight count 1.</param>
    public static double Coverage(QuestionProfile question, IEnumerable<string> textTerms, IReadOnlyDictionary<string, double>? weights = null)
    {
        if (question.Terms.Count == 0)
        {
            return 0;
        }

        var set = textTerms as ISet<string> ?? new HashSet<string>(textTerms, StringComparer.Ordinal);
        double covered = 0, total = 0;
        foreach (var term in question.Terms)
        {
            var weight = weights is not null && weights.TryGetValue(term, out var w) ? w : 1;
            covered += weight * Match(term, set);
            total += weight;
        }

        return total > 0 ? covered / total : 0;
    }

    /// <summary>
    /// Inverse document frequency of each question term over the retrieved passages (BM25's idf, plus a floor):
    /// a term every passage shares ("Ukraine" in a Ukraine archive) says little about which sentence answers,
    /// a term only one passage has says much. A term no passage has weighs most, which keeps unanswerable
    /// questions below the threshold.
    /// </summary>
    public static Dictionary<string, double> PassageWeights(QuestionProfile question, IReadOnlyList<ISet<string>> passages)
    {
        const double floor = 0.2;
        var n = passages.Count;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in question.Terms)
        {
            var df = passages.Count(p => Match(term, p) > 0);
            var idf = Math.Log(1 + ((n - df + 0.5) / (df + 0.5))) + floor;

            // Retrieval chose these passages for the terms they share, so a term none of them has is the
            // question's real subject missing from the archive ("Eiffelturm"): it counts double.
            weights[term] = df == 0 ? 2 * idf : idf;
        }

        return weights;
    }

    /// <summary>Does the text hold the term, exactly or as part of a compound?</summary>
    public static bool Matches(string term, ISet<string> textTerms) => Match(term, textTerms) > 0;

    private static double Match(string term, ISet<string> textTerms)
    {
        if (textTerms.Contains(term))
        {
            return 1;
        }

        if (term.Length < MinPartialLength)
        {
            return 0;
        }

        foreach (var t in textTerms)
        {
            if (t.Length >= MinPartialLength && (t.Contains(term, StringComparison.Ordinal) || term.Contains(t, StringComparison.Ordinal)))
            {
                return PartialMatch;
            }
        }

        return 0;
    }

    /// <summary>Does the sentence hold the kind of fact asked for (a number for "wie viele", a date for "wann")?</summary>
    public static bool HasExpectedAnswer(ExpectedAnswer expected, string sentence) => expected switch
    {
        ExpectedAnswer.Number => NumberPattern().IsMatch(sentence),
        ExpectedAnswer.Time => TimePattern().IsMatch(sentence),
        ExpectedAnswer.Person or ExpectedAnswer.Place => NamePattern().IsMatch(sentence),
        _ => true,
    };

    // Not "ein/eine/einen": German's indefinite article would make every sentence hold a number.
    [GeneratedRegex(@"\d|\b(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend|dutzend|million|millionen|milliarde|milliarden|hälfte|drittel|viertel|prozent|one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    // Not "vor/nach/seit" alone: as prepositions of place and cause they are in most sentences ("seit Jahren" still is one).
    [GeneratedRegex(@"\b(\d{4}|\d{1,2}\.\s*\w+|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|gestern|heute|morgen|jahrhundert|jahren?|monaten?|wochen?|tagen?|january|february|march|may|june|july|october|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|year|century)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();

    /// <summary>A strong sign of the place(s) asked for (see <see cref="PlacePattern"/>): the answer-type bonus counts twice.</summary>
    public static bool HasPlace(string sentence) => PlacePattern().IsMatch(sentence);

    /// <summary>
    /// A place or places: a capitalised word after "in", "nach", "aus", "bei" ("in Brüssel"), or a list of capitalised
    /// words ("Belgien, Estland, Italien"). A bare capitalised word would not do: German capitalises every noun.
    /// </summary>
    [GeneratedRegex(@"\b(?:in|nach|aus|bei|im|to|from|at)\s+\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+,\s+\p{Lu}\p{Ll}+(?:,|\s+(?:und|and))")]
    private static partial Regex PlacePattern();

    /// <summary>A capitalised word after the first one: German capitalises nouns too, so this is a weak signal.</summary>
    [GeneratedRegex(@"\s\p{Lu}\p{Ll}+")]
    private static partial Regex NamePattern();
}
