using NewsQA.Core.Language;

namespace NewsQA.Core.Search.Query;

/// <summary>
/// A question's languages, both from <see cref="TextLanguage"/> (the one rule for a text's language): the one it is
/// written in (<see cref="Of"/>), and the one its answer is phrased in (<see cref="Detect"/>), which the answer phrases
/// limit to German and English.
/// </summary>
public static class QuestionLanguage
{
    /// <summary>
    /// The language the answer is phrased in: English when the question has more English than German function words, or
    /// is written in another language the phrases do not exist in (a French reader more likely reads English than
    /// German); German otherwise — the archive's language and the default.
    /// </summary>
    public static string Detect(string text)
    {
        var scores = TextLanguage.Scores(text);
        return Phrasing(TextLanguage.Detect(scores), scores);
    }

    /// <summary>
    /// The language a question (or a passage) is written in, for what depends on it beyond the phrasing: whether a
    /// model knows it, and the reason a cross-language question names. <see cref="TextLanguage.Detect(string)"/> where it can
    /// tell; a short question it cannot ("Umjerow?") gets <see cref="Detect"/>'s German/English guess.
    /// </summary>
    public static string Of(string text)
    {
        var scores = TextLanguage.Scores(text);
        var written = TextLanguage.Detect(scores);
        return written == LanguageCode.Undetermined ? Phrasing(written, scores) : written;
    }

    /// <summary><see cref="Detect"/> from one scoring of the text: its written language and its function-word counts.</summary>
    private static string Phrasing(string written, IReadOnlyDictionary<string, int> scores)
    {
        if (written is not (LanguageCode.German or LanguageCode.English or LanguageCode.Undetermined))
        {
            return LanguageCode.English;
        }

        return scores[LanguageCode.English] > scores[LanguageCode.German] ? LanguageCode.English : LanguageCode.German;
    }
}
