using NewsQA.Core.Language;

namespace NewsQA.Core.Query;

/// <summary>
/// The language an answer is phrased in: English when the question has more English than German function words
/// (<see cref="TextLanguage"/>, the one rule for a text's language), German otherwise — the archive's language and the
/// default, since the answer phrases exist in these two.
/// </summary>
public static class QuestionLanguage
{
    public static string Detect(string text)
    {
        var scores = TextLanguage.Scores(text);
        return scores[LanguageCode.English] > scores[LanguageCode.German] ? LanguageCode.English : LanguageCode.German;
    }
}
