namespace NewsQA.Core.Query;

/// <summary>
/// Tells German from English questions by their function words — enough to answer "no answer"
/// in the asker's language without a language-identification model. German is the default.
/// </summary>
public static class QuestionLanguage
{
    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "who", "whom", "when", "where", "why", "how", "which", "is", "are", "was", "were", "the", "of", "did",
        "does", "do", "many", "much", "a", "an", "to", "in", "on", "has", "have", "and", "with", "about", "for",
    };

    private static readonly HashSet<string> German = new(StringComparer.OrdinalIgnoreCase)
    {
        "was", "wer", "wen", "wem", "wann", "wo", "warum", "wie", "welche", "welcher", "welches", "ist", "sind", "der",
        "die", "das", "den", "dem", "des", "hat", "haben", "viele", "viel", "und", "mit", "über", "für", "ein", "eine",
        "im", "in", "von", "zu", "auf", "wurde", "wurden", "gibt", "woher", "wohin", "weshalb", "wieso",
    };

    public static string Detect(string text)
    {
        var words = text.Split([' ', '\t', '\n', '?', '!', '.', ',', ';', ':', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        int en = 0, de = 0;
        foreach (var w in words)
        {
            if (English.Contains(w))
            {
                en++;
            }

            if (German.Contains(w))
            {
                de++;
            }

            if (w.Any(c => c is 'ä' or 'ö' or 'ü' or 'ß' or 'Ä' or 'Ö' or 'Ü'))
            {
                de++;
            }
        }

        return en > de ? "en" : "de";
    }
}
