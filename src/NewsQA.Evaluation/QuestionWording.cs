using System.Text.RegularExpressions;

namespace NewsQA.Evaluation;

/// <summary>
/// How much of a question's wording its gold paragraph already holds: the share of the question's content words (word
/// characters, lower-cased, minus the English and German function words below) that occur as words of the paragraph.
/// Questions written by someone looking at the paragraph copy its words; a reader who has not seen the article asks in
/// their own. Surface forms on purpose: a reader's other word form ("gekämpft" for "kämpften") is a different word to a
/// lexical index before analysis, and this measures the wording, not what an analyser makes of it.
/// </summary>
public static partial class QuestionWording
{
    /// <summary>The highest mean overlap a set may have and still count as reader-worded.</summary>
    public const double MaxReaderWordedOverlap = 0.35;

    private static readonly HashSet<string> FunctionWords = new(
        """
        a an the of in on at to for from by with and or but not no is are was were be been being do does did done has have had
        having what which who whom whose when where why how that this these those it its as into than then there their they them
        he she his her him i you we our your my me us one ones about after before over under up down out off so if any all some
        most more many much can could would should will may might must shall also other such very just only own same too s t
        der die das den dem des ein eine einer eines einem einen und oder aber nicht kein keine keinen keiner ist sind war waren
        wird werden wurde wurden worden sein seine seiner seinen seinem seines ihr ihre ihrer ihren ihrem ihres es er sie wir ihm
        ihn man was wer wen wem wessen wann wo wie warum weshalb welche welcher welches welchen welchem wieviel viele vielen von
        vom zu zum zur im in ins an am auf aus bei mit nach über unter um durch für gegen ohne vor hinter neben zwischen als dass
        daß ob wenn so auch noch schon nur sich hat haben hatte hatten habe kann können konnte konnten soll sollte muss musste
        darf mag will dies diese dieser dieses diesen diesem jener jene denn doch ja nein sehr mehr meisten meiste andere anderen
        anderer anderes etwa eher bis seit damit dabei davon dazu daran darin worin womit wodurch wofür woher wohin wozu allem
        alle allen aller alles wollen sollen wollte laut beide beiden beim
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>The question's content words, in order (repeats count, as a reader typed them).</summary>
    public static IReadOnlyList<string> ContentWords(string text) =>
        [.. Words().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => !FunctionWords.Contains(w))];

    /// <summary>Share of <paramref name="question"/>'s content words that are words of <paramref name="paragraph"/>; 0 without any.</summary>
    public static double Overlap(string question, string paragraph)
    {
        var asked = ContentWords(question);
        if (asked.Count == 0)
        {
            return 0;
        }

        var present = ContentWords(paragraph).ToHashSet(StringComparer.Ordinal);
        return asked.Count(present.Contains) / (double)asked.Count;
    }

    /// <summary>
    /// Mean <see cref="Overlap"/> over the questions whose gold document is in <paramref name="textById"/>; null when none is
    /// (a set asked of another archive has no wording to compare).
    /// </summary>
    public static double? MeanOverlap(IEnumerable<EvalQuestion> questions, IReadOnlyDictionary<string, string> textById)
    {
        var overlaps = questions
            .Where(q => textById.ContainsKey(q.GoldParagraphId))
            .Select(q => Overlap(q.Question, textById[q.GoldParagraphId]))
            .ToList();
        return overlaps.Count == 0 ? null : overlaps.Average();
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();
}
