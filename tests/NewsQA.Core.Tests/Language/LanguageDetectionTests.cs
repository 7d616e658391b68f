using System.Text.Json;
using NewsQA.Core.Language;
using NewsQA.Core.Search.Query;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Language;

/// <summary>
/// What a user checks of the detected language: the dev sets' articles get the language they are written in (rates
/// counted from the data, each a floor a wrong detector fails), and texts too short or too mixed to tell get "und".
/// </summary>
public sealed class LanguageDetectionTests
{
    [Theory]
    [InlineData("xquad-de-dev/paragraphs.jsonl", "de")]
    [InlineData("xquad-en-dev/paragraphs.jsonl", "en")]
    [InlineData("gnad10k/articles.jsonl", "de")]
    public void DevSetArticles_GetTheirLanguage(string file, string expected)
    {
        var texts = File.ReadLines(Path.Combine(RepoPaths.TestData, file))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
            .ToList();
        var detected = texts.Select(TextLanguage.Detect).ToList();
        var rate = detected.Count(l => l == expected) / (double)texts.Count;

        Assert.True(texts.Count > 20, $"{file} has only {texts.Count} texts");
        Assert.True(rate >= 0.99, $"{file}: {rate:P1} detected as '{expected}'; others: {string.Join(", ", detected.Where(l => l != expected).GroupBy(l => l).Select(g => $"{g.Key} ×{g.Count()}"))}");
    }

    [Theory]
    [InlineData("Wer ist der Verteidigungsminister der Ukraine?", "de")]
    [InlineData("Who is the Ukrainian defence minister?", "en")]
    [InlineData("Die Kontaktgruppe kam in Brüssel zusammen.", "de")]
    [InlineData("Le ministre de la Défense a rencontré ses homologues à Bruxelles, et il a parlé des drones.", "fr")]
    [InlineData("El ministro de Defensa se reunió con sus homólogos en Bruselas para hablar de los drones.", "es")]
    [InlineData("Qu'a dit Zelensky à propos de la défense aérienne ?", "fr")]
    [InlineData("Berlin, 3. Juli 2025", "und")]
    [InlineData("Umjerow", "und")]
    [InlineData("", "und")]
    public void ShortTexts_GetTheirLanguageOrUnd(string text, string expected) =>
        Assert.Equal(expected, TextLanguage.Detect(text));

    [Fact]
    public void AGermanArticleQuotingEnglish_IsGerman()
    {
        const string text = "Der Minister sagte am Montag in Brüssel, die Lieferungen würden fortgesetzt. \"We will stand with Ukraine for as long as it takes\", "
            + "zitierte ihn die Nachrichtenagentur. Die Verbündeten haben zudem weitere Drohnen zugesagt, die noch in diesem Jahr an die Front gehen sollen.";
        Assert.Equal("de", TextLanguage.Detect(text));
    }

    [Fact]
    public void HalfGermanHalfEnglish_IsUndetermined()
    {
        const string text = "Die Armee hat die Stadt erreicht. The army has reached the city.";
        Assert.Equal("und", TextLanguage.Detect(text));
    }

    [Theory]
    [InlineData("When was the treaty signed?", "en")]
    [InlineData("Was berichtete die Nachrichtenagentur über die US-Hilfe?", "de")]
    [InlineData("Umjerow?", "de")]
    public void QuestionLanguage_UsesTheSameRule_WithGermanAsDefault(string question, string expected) =>
        Assert.Equal(expected, QuestionLanguage.Detect(question));

    /// <summary>A question in a language the answer phrases do not exist in is answered in English, and named as what it is.</summary>
    [Theory]
    [InlineData("Qu'a dit Zelensky à propos de la défense aérienne ?", "fr", "en")]
    [InlineData("¿Quién es el ministro de Defensa de Ucrania?", "es", "en")]
    [InlineData("Wer ist der Verteidigungsminister der Ukraine?", "de", "de")]
    [InlineData("Umjerow?", "de", "de")]
    public void QuestionLanguage_NamesTheWrittenLanguage_AndPhrasesInGermanOrEnglish(string question, string written, string phrasing)
    {
        Assert.Equal(written, QuestionLanguage.Of(question));
        Assert.Equal(phrasing, QuestionLanguage.Detect(question));
    }

    [Theory]
    [InlineData("DE", "de")]
    [InlineData(" en ", "en")]
    [InlineData("und", "und")]
    [InlineData("german", null)]
    [InlineData("xx", null)]
    [InlineData("de-DE", null)]
    [InlineData("", null)]
    public void LanguageCodes_AreIso6391OrUnd(string value, string? expected) =>
        Assert.Equal(expected, LanguageCode.Normalize(value));
}
