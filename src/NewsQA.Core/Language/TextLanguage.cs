namespace NewsQA.Core.Language;

/// <summary>
/// The one rule for "which language is this text", for documents and questions alike, without a language-identification
/// model: function words are the most frequent words of every language and each language has its own, so counting them
/// tells the common languages of news apart from a sentence on. German words with ä, ö, ü or ß count once more for German
/// (they share few function words with English, but "in", "was" and "die" look alike). On the dev sets
/// (LanguageDetectionTests): every XQuAD-de paragraph and every 10kGNAD article is German, every XQuAD-en paragraph English.
/// </summary>
public static class TextLanguage
{
    /// <summary>Below this many function words a text is too short to tell ("Berlin, 3. Juli").</summary>
    private const int MinimumEvidence = 2;

    /// <summary>How far the leading language must stand out from the next one; closer than that, a text is mixed.</summary>
    private const double MinimumLead = 1.5;

    private static readonly (string Code, HashSet<string> Words)[] Profiles =
    [
        (LanguageCode.German, Words(
            "der die das den dem des und ist sind nicht ein eine einer eines einem einen zu im mit von auf für sich auch es als " +
            "bei nach aus wird wurde wurden werden hat haben dass noch wie über oder aber nur man sie er wir ich vom zum zur beim " +
            "sei seit ihre ihr sein seine hatte war waren wer wen wem wann wo warum welche welcher welches viele viel gibt woher " +
            "wohin weshalb wieso am um durch gegen unter vor schon mehr kann was in")),
        (LanguageCode.English, Words(
            "the of and to is are was were that for on with as by at from it this be have has had not or but an a which who whom " +
            "what when where why how their they its been will would there than also into more can his her many much did does do " +
            "about after in")),
        ("fr", Words("le la les et est des une un du de à a que qui dans pour pas sur au avec ce il elle sont ne se plus par été aux ont cette mais ou")),
        ("es", Words("el la los las y es en que de del un una por con para no se su al lo como más pero sus fue son está ha")),
        ("it", Words("il la le gli di che e è un una per non con del della dei sono si da nel alla anche come più ma ha")),
        ("nl", Words("de het een en van is dat op te in voor niet met zijn er aan ook als bij maar om dan nog wordt door naar heeft")),
    ];

    /// <summary>The text's ISO 639-1 language, or <see cref="LanguageCode.Undetermined"/> when it is too short or too mixed to tell.</summary>
    public static string Detect(string text) => Detect(Scores(text));

    /// <summary>The language <paramref name="scores"/> (<see cref="Scores"/> of one text) point to, for callers that read the scores too.</summary>
    public static string Detect(IReadOnlyDictionary<string, int> scores)
    {
        var ranked = scores.OrderByDescending(s => s.Value).ToList();
        var (best, score) = (ranked[0].Key, ranked[0].Value);
        var second = ranked.Count > 1 ? ranked[1].Value : 0;
        return score >= MinimumEvidence && score >= MinimumLead * second ? best : LanguageCode.Undetermined;
    }

    /// <summary>Function-word hits per language (every profile present, in profile order, German first).</summary>
    public static IReadOnlyDictionary<string, int> Scores(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new int[Profiles.Length];
        foreach (var word in WordsOf(text))
        {
            for (var i = 0; i < Profiles.Length; i++)
            {
                if (Profiles[i].Words.Contains(word))
                {
                    counts[i]++;
                }
            }

            if (word.AsSpan().IndexOfAny("äöüß") >= 0)
            {
                counts[0]++;
            }
        }

        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Profiles.Length; i++)
        {
            scores[Profiles[i].Code] = counts[i];
        }

        return scores;
    }

    private static IEnumerable<string> WordsOf(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static HashSet<string> Words(string list) => new(list.Split(' '), StringComparer.Ordinal);
}
