using System.Text.RegularExpressions;
using NewsQA.Core.Query;

namespace NewsQA.Core.Answering;

/// <summary>
/// The one answer inside a quote: where the question asks for a number, a date, a person or a place and the
/// quote holds exactly one candidate of that type (outside what the question already says), that candidate. With
/// two or more there is no telling which one answers, so none is marked.
/// </summary>
public static partial class HighlightFinder
{
    /// <summary>Offset and length of the single candidate in <paramref name="quote"/>, or null.</summary>
    public static (int Offset, int Length)? Find(ExpectedAnswer expected, string quote, string question)
    {
        var pattern = expected switch
        {
            ExpectedAnswer.Number => NumberPhrase(),
            ExpectedAnswer.Time => DatePhrase(),
            ExpectedAnswer.Person or ExpectedAnswer.Place => NamePhrase(),
            _ => null,
        };
        if (pattern is null)
        {
            return null;
        }

        var candidates = pattern.Matches(quote)
            .Where(m => m.Index > 0 || expected is ExpectedAnswer.Number or ExpectedAnswer.Time)
            .Where(m => !question.Contains(m.Value.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        return candidates.Count == 1 ? (candidates[0].Index, candidates[0].Length) : null;
    }

    /// <summary>A number with its scale or currency: "2,5 Millionen", "40 Prozent", "6,6 Milliarden Dollar".</summary>
    [GeneratedRegex(@"\b\d[\d.,]*(?:\s+(?:Millionen|Million|Milliarden|Milliarde|Prozent|Euro|Dollar|million|billion|percent|per\s+cent))*(?:\s+(?:Euro|Dollar))?(?![\d.,]*\d)")]
    private static partial Regex NumberPhrase();

    [GeneratedRegex(@"\b(?:\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?:\s+\d{4})?|(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}|(?:1[0-9]|20)\d{2})\b")]
    private static partial Regex DatePhrase();

    /// <summary>
    /// One to four capitalised words in a row, not after a sentence start and not a German article-led noun
    /// ("der Krieg"): a weak cue in German, which capitalises nouns, so only a single candidate counts.
    /// </summary>
    [GeneratedRegex(@"(?<!\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|the|a|an)\s)(?<![.!?:]\s)\b\p{Lu}[\p{Ll}\-]+(?:\s+\p{Lu}[\p{Ll}\-]+){0,3}\b")]
    private static partial Regex NamePhrase();
}
