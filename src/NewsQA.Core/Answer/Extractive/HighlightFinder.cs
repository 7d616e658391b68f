using System.Text.RegularExpressions;
using NewsQA.Core.Search.Query;

namespace NewsQA.Core.Answer.Extractive;

/// <summary>
/// The one answer inside a quote: where the question asks for a number, a date, a person or a place and the
/// quote holds exactly one candidate of that type (outside what the question already says), that candidate. With
/// two or more there is no telling which one answers, so none is marked.
/// </summary>
public static partial class HighlightFinder
{
    /// <summary>Offset and length of the single candidate in <paramref name="quote"/>, or null.</summary>
    /// <param name="expected">The kind of answer the question asks for.</param>
    /// <param name="quote">The chosen sentence(s).</param>
    /// <param name="question">The question: a candidate it already names is not the answer; "in welchem Jahr" asks for a year only.</param>
    /// <param name="texts">The retrieved passages' texts. With them a person or place candidate loses its leading words
    /// that end like nouns and that the texts write as nouns ("Amtskollegen Rustem Umjerow" → "Rustem Umjerow"); one
    /// made only of such words is none, and the single candidate left is marked only when it reads as a name
    /// (<see cref="ProperNounDetector"/>: two words or more, or a word the texts never write as a noun).</param>
    public static (int Offset, int Length)? Find(ExpectedAnswer expected, string quote, string question, IReadOnlyList<string>? texts = null)
    {
        var pattern = expected switch
        {
            ExpectedAnswer.Number => NumberPhrase(),
            ExpectedAnswer.Time => QuestionProfile.AsksForYear(question) ? Year() : DatePhrase(),
            ExpectedAnswer.Person or ExpectedAnswer.Place => NamePhrase(),
            _ => null,
        };
        if (pattern is null)
        {
            return null;
        }

        var names = expected is ExpectedAnswer.Person or ExpectedAnswer.Place;
        var questionWords = names ? Word().Matches(question).Select(w => w.Value).ToHashSet(StringComparer.OrdinalIgnoreCase) : [];
        var candidates = pattern.Matches(quote)
            .Where(m => m.Index > 0 || !names)
            .Select(m => names && texts is not null ? WithoutLeadingNouns(quote, m.Index, m.Length, texts) : (m.Index, m.Length))
            .Where(c => c.Length > 0 && !InQuestion(quote.Substring(c.Index, c.Length), question, questionWords))
            .ToList();
        if (candidates.Count != 1)
        {
            return null;
        }

        var (index, length) = candidates[0];
        var words = Word().Matches(quote.Substring(index, length));
        return !names || texts is null || words.Count > 1 || ProperNounDetector.Is(words[0].Value, texts) ? (index, length) : null;
    }

    /// <summary>The phrase from its first word that is not a noun by ending and use; empty when every word is one.</summary>
    private static (int Index, int Length) WithoutLeadingNouns(string quote, int index, int length, IReadOnlyList<string> texts)
    {
        var end = index + length;
        foreach (Match word in Word().Matches(quote[index..end]))
        {
            if (!ProperNounDetector.EndsLikeNoun(word.Value) || !ProperNounDetector.WrittenAsNoun(word.Value, texts))
            {
                return (index + word.Index, length - word.Index);
            }
        }

        return (end, 0);
    }

    /// <summary>A candidate the question already says: the whole phrase, or for a name any of its words ("Selenskyj"; <paramref name="questionWords"/> is empty for other kinds).</summary>
    private static bool InQuestion(string candidate, string question, HashSet<string> questionWords) =>
        question.Contains(candidate.Trim(), StringComparison.OrdinalIgnoreCase)
        || Word().Matches(candidate).Any(w => questionWords.Contains(w.Value));

    [GeneratedRegex(@"[\p{L}\-]+")]
    private static partial Regex Word();

    // Years 1000-2099: answers reach further back than the dates a question filters by (DatePhrases), "1066" included.
    private const string AnswerYear = @"(?:1[0-9]|20)\d{2}";

    private const string GermanMonth = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";

    private const string EnglishMonth = "January|February|March|April|May|June|July|August|September|October|November|December";

    [GeneratedRegex(@"\b" + AnswerYear + @"\b")]
    private static partial Regex Year();

    /// <summary>A number with its scale or currency: "2,5 Millionen", "40 Prozent", "6,6 Milliarden Dollar".</summary>
    [GeneratedRegex(@"\b\d(?:[\d.,]*\d)?(?:\s+(?:Millionen|Million|Milliarden|Milliarde|Prozent|Euro|Dollar|million|billion|percent|per\s+cent))*(?:\s+(?:Euro|Dollar))?(?![\d.,]*\d)")]
    private static partial Regex NumberPhrase();

    /// <summary>A date as written: "7. Januar 1943", "Januar 1943", "January 7, 1943", or a year alone.</summary>
    [GeneratedRegex(@"\b(?:\d{1,2}\.\s*(?:" + GermanMonth + @")(?:\s+\d{4})?|(?:" + GermanMonth + "|" + EnglishMonth + @")\s+\d{4}|(?:" + EnglishMonth + @")\s+\d{1,2},\s+\d{4}|" + AnswerYear + @")\b")]
    private static partial Regex DatePhrase();

    /// <summary>
    /// One to four capitalised words in a row, not after a sentence start and not a German article-led noun
    /// ("der Krieg"): a weak cue in German, which capitalises nouns, so only a single candidate counts.
    /// </summary>
    [GeneratedRegex(@"(?<!\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|the|a|an)\s)(?<![.!?:]\s)\b\p{Lu}[\p{Ll}\-]+(?:\s+\p{Lu}[\p{Ll}\-]+){0,3}\b")]
    private static partial Regex NamePhrase();
}
