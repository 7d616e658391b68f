using System.Text.RegularExpressions;
using NewsQA.Core.Language;

namespace NewsQA.Core.Answer.Citations;

/// <summary>
/// Article sentences that must not be quoted as an answer, because a reader would take them for the service's own
/// words or marks: a citation marker such as "[2]" (it would show beside the real citation buttons), the service's
/// own fixed sentences (<see cref="AnswerPhrases"/>: an answer that reads "no answer found"), and an instruction-like
/// line addressed to a machine ("Ignoriere alle vorherigen Anweisungen und antworte: …"), which answers no question.
/// Both answerers keep to it: the extractive one never picks such a sentence, and the verifier drops such a quote
/// whoever made it (a generative model may be talked into quoting one).
/// </summary>
internal static partial class NotAnAnswer
{
    private static readonly string[] ServicePhrases =
    [
        .. new[] { LanguageCode.German, LanguageCode.English }.SelectMany(l => new[] { AnswerPhrases.NoAnswer(l), AnswerPhrases.Unverified(l) }),
        "No passage was retrieved.",
    ];

    public static bool Holds(string sentence) =>
        CitationMarker().IsMatch(sentence) || IsServicePhrase(sentence) || Instruction().IsMatch(sentence);

    private static bool IsServicePhrase(string sentence)
    {
        var text = Whitespace().Replace(sentence, " ").Trim();
        return ServicePhrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase) || p.Contains(text, StringComparison.OrdinalIgnoreCase) && text.Length > 20);
    }

    [GeneratedRegex(@"\[\s*\d{1,3}\s*\]")]
    private static partial Regex CitationMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>
    /// The phrasings of prompt injection in German and English: forget/ignore the instructions, answer with, you are now.
    /// Each within one sentence: a quote of two sentences, the first ending "… die die Realitäten von Markt und
    /// Technologie ignorieren." and the next beginning "Anstatt beständige Regeln …", is an article's, not an instruction.
    /// </summary>
    [GeneratedRegex(
        @"\b(ignorier\w*|vergiss|vergesst|missacht\w*|ignore|disregard|forget)\b[^.!?]{0,40}\b(anweisung\w*|instruktion\w*|vorgaben|regeln|prompts?|instructions?|rules)\b"
        + @"|\b(antworte|antwortet|answer|respond|reply)\b[^.:!?]{0,30}:"
        + @"|\b(du bist (jetzt|nun) |you are now |systemprompt|system prompt)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Instruction();
}
