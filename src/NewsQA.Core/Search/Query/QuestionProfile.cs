using System.Text.RegularExpressions;
using NewsQA.Core.Search.Analysis;

namespace NewsQA.Core.Search.Query;

/// <summary>What kind of fact a question asks for, judged from its question word.</summary>
public enum ExpectedAnswer
{
    Any,
    Number,
    Time,
    Person,
    Place,
}

/// <summary>A question reduced to its content terms (analyzed, question words removed) and its expected answer type.</summary>
public sealed partial record QuestionProfile(IReadOnlyList<string> Terms, ExpectedAnswer Expected)
{
    /// <summary>
    /// The question's specific terms (names, numbers, named things: a capitalised word after the first, or a
    /// token with a digit), each with the word it was written as. An answer whose article lacks one that another
    /// article has is about something else: the question's premise does not hold there.
    /// </summary>
    public IReadOnlyDictionary<string, string> Specific { get; init; } = new Dictionary<string, string>();

    /// <summary>Analyzed forms of question words and fillers that say nothing about the topic.</summary>
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "wer", "wen", "wem", "wessen", "was", "wann", "wo", "woher", "wohin", "warum", "weshalb", "wieso", "wie", "welch",
        "welche", "welcher", "welches", "viel", "viele", "wieviel", "wieviele", "gibt", "gab", "geb", "hat", "hatt", "hab",
        "what", "who", "whom", "when", "where", "why", "how", "which", "many", "much", "did", "does", "do", "the", "is", "are",
        "was", "were", "of", "a", "an", "to", "in", "on", "for", "and", "about", "nenn", "heisst", "heiss", "lautet",

        // "Was geschah …?", "What happened …?": they ask for an event, and no article says "geschah".
        "geschah", "geschehen", "passiert", "passierte", "ereignet", "happened", "happen", "happens",
    };

    /// <summary>Is <paramref name="term"/> (analyzed) one of the question words and fillers? Search drops them too (<see cref="QueryTerms"/>).</summary>
    public static bool IsQuestionWord(string term) => QuestionWords.Contains(term);

    public static QuestionProfile From(string question, ITermAnalyzer analyzer)
    {
        var terms = analyzer.Analyze(question).Where(t => !QuestionWords.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        var specific = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match word in SpecificWord().Matches(question))
        {
            if (word.Index == 0)
            {
                continue;
            }

            foreach (var term in analyzer.Analyze(word.Value).Where(t => !QuestionWords.Contains(t)))
            {
                specific.TryAdd(term, word.Value);
            }
        }

        return new QuestionProfile(terms, Classify(question)) { Specific = specific };
    }

    /// <summary>A time question for the year alone ("in welchem Jahr", "which year"): its answer is "1943", not "7. Januar 1943".</summary>
    public static bool AsksForYear(string question) => YearQuestion().IsMatch(question.ToLowerInvariant());

    private static ExpectedAnswer Classify(string question)
    {
        var q = question.ToLowerInvariant();
        if (NumberQuestion().IsMatch(q))
        {
            return ExpectedAnswer.Number;
        }

        if (TimeQuestion().IsMatch(q) || YearQuestion().IsMatch(q))
        {
            return ExpectedAnswer.Time;
        }

        if (PersonQuestion().IsMatch(q))
        {
            return ExpectedAnswer.Person;
        }

        return PlaceQuestion().IsMatch(q) ? ExpectedAnswer.Place : ExpectedAnswer.Any;
    }

    [GeneratedRegex(@"\b(wie\s*viele?|wieviele?|wie\s+hoch|wie\s+groß|wie\s+lange?|wie\s+alt|wie\s+weit|wie\s+schwer|wie\s+teuer|wie\s+oft|how\s+many|how\s+much|how\s+old|how\s+long|how\s+far|how\s+big|how\s+large|how\s+often|welche\s+summe|prozent|percentage)\b")]
    private static partial Regex NumberQuestion();

    [GeneratedRegex(@"\b(wann|seit\s+wann|in\s+welchem\s+jahrhundert|an\s+welchem\s+tag|welches\s+datum|when|in\s+what\s+century|what\s+date)\b")]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"\b(welche[sm]?\s+jahr|what\s+year|which\s+year)\b")]
    private static partial Regex YearQuestion();

    [GeneratedRegex(@"\b(wer|wen|wem|wessen|who|whom|whose|mit\s+wem|welche[srnm]?\s+(politiker(in)?|person|präsident(in)?|minister(in)?|spieler(in)?))\b")]
    private static partial Regex PersonQuestion();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:\p{Lu}[\p{L}\-]*|[\p{L}\-]*\d[\d.,\p{L}\-]*)")]
    private static partial Regex SpecificWord();

    [GeneratedRegex(@"\b(wo|woher|wohin|where|welche[srnm]?\s+(länder|staaten|städte|stadt|land|orte?|regionen?|countries|country|cities|city|states?))\b")]
    private static partial Regex PlaceQuestion();
}
