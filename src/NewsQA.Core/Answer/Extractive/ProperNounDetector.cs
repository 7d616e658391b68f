namespace NewsQA.Core.Answer.Extractive;

/// <summary>
/// Tells a name ("Israel", "Schoigu", "Nordkorea") from a common noun ("Drohnen", "System") without a lexicon:
/// German capitalises both, but a noun in running text mostly follows an article or determiner ("die Drohnen",
/// "das System", "der Ukraine") or an adjective ("weitreichende Drohnen") or a number ("400 Angriffe"), a name of a
/// person or country mostly does not. A question word is name-like when the retrieved passages write it at least
/// twice and never so, and it does not end like a derived noun ("-ung", "-tion", "-nis" …). Numbers are not names.
/// </summary>
internal static class ProperNounDetector
{
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine",
        "keinen", "keinem", "keiner", "dieser", "diese", "dieses", "diesen", "diesem", "jeder", "jede", "jedes", "jeden",
        "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer", "unser", "unsere",
        "im", "ins", "am", "zum", "zur", "vom", "beim", "the", "a", "an",
    };

    // Prepositions and conjunctions that end like an inflected adjective.
    private static readonly HashSet<string> NotAdjectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "gegen", "wegen", "zwischen", "unter", "hinter", "neben", "über", "oder", "aber", "außer", "seit", "ohne", "sowie",
    };

    private static readonly string[] NounEndings =
    [
        "ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "tät", "nis", "nisse", "ismus", "ment", "ium", "ik", "ur", "e", "en", "er",
    ];

    public static bool Is(string word, IEnumerable<string> texts)
    {
        if (word.Any(char.IsDigit) || EndsLikeNoun(word))
        {
            return false;
        }

        var (found, asNoun) = Occurrences(word, texts);
        return found >= 1 && !asNoun;
    }

    /// <summary>
    /// Whether <paramref name="texts"/> write <paramref name="word"/> after an article, a number or an adjective at least
    /// once: evidence of a common noun ("seinem ukrainischen Amtskollegen"). Weaker than <see cref="Is"/>, which also
    /// rejects noun-like endings: "Italien" and "Schweden" end like nouns, and a list of countries must not shrink to one.
    /// </summary>
    public static bool WrittenAsNoun(string word, IEnumerable<string> texts) => Occurrences(word, texts).AsNoun;

    /// <summary>Ends like a derived or inflected German noun ("-ung", "-keit", "-en", "-er" …): names rarely do, "Italien" does.</summary>
    public static bool EndsLikeNoun(string word) => NounEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal));

    private static (int Found, bool AsNoun) Occurrences(string word, IEnumerable<string> texts)
    {
        var found = 0;
        foreach (var text in texts)
        {
            for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
            {
                if (i > 0 && char.IsLetterOrDigit(text[i - 1]))
                {
                    continue;
                }

                found++;
                var previous = PreviousWord(text, i);
                if (Determiners.Contains(previous) || AfterNumber(text, i) || IsAdjective(previous))
                {
                    return (found, true);
                }
            }
        }

        return (found, false);
    }

    private static bool IsAdjective(string word) =>
        word.Length > 3 && char.IsLower(word[0]) && !NotAdjectives.Contains(word)
        && (word.EndsWith('e') || word.EndsWith("en", StringComparison.Ordinal) || word.EndsWith("er", StringComparison.Ordinal) || word.EndsWith("es", StringComparison.Ordinal) || word.EndsWith("em", StringComparison.Ordinal));

    private static bool AfterNumber(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i >= 0 && char.IsDigit(text[i]);
    }

    private static string PreviousWord(string text, int start)
    {
        var end = start;
        while (end > 0 && !char.IsLetter(text[end - 1]))
        {
            end--;
        }

        var begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1]))
        {
            begin--;
        }

        return text[begin..end];
    }
}
