using NewsQA.Core.Ingest.Cleaning;
using NewsQA.Core.Documents;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Ingest.Cleaning;

/// <summary>
/// Each seed cleaned as a reader of the page would: the expected metadata and the list of page-furniture
/// lines below come from reading the raw files by hand. Every other sentence of the raw file must survive.
/// </summary>
public sealed class SeedCleaningTests
{
    /// <param name="DroppedLines">Whole raw lines that are page furniture (compared after trimming).</param>
    /// <param name="Gone">Strings that must not appear anywhere in the clean text.</param>
    /// <param name="Rewrites">Fragments of raw lines that are not article text (date marker, dateline, credit).</param>
    public sealed record Expectation(
        string Id,
        string Title,
        string? Date,
        DatePrecision? Precision,
        string? Source,
        string[] DroppedLines,
        string[] Gone,
        (string From, string To)[] Rewrites);

    public static TheoryData<string> SeedIds => new(Expectations.Keys);

    private static readonly Dictionary<string, Expectation> Expectations = new[]
    {
        new Expectation(
            "000_74f70624a5986356",
            "Die Ukraine und Israel haben nach Angaben des ukrainischen Präsidenten Wolodymyr Selenskyj über eine Stärkung der ukrainischen Luftverteidigung beraten.",
            "2025-07", DatePrecision.Month, null,
            DroppedLines: [],
            Gone: ["date 2025"],
            Rewrites: [(" date 2025-07 ", string.Empty)]),
        new Expectation(
            "001_23aad25e3376c29a",
            "Newsblog zum Ukraine-Krieg Ukraine setzt auf Waffenproduktion im Ausland",
            "2025-06", DatePrecision.Month, null,
            DroppedLines: [],
            Gone: ["(Quelle: Virginia Mayo)", "date 2025"],
            Rewrites: [(" date 2025-06 Newsblog zum Ukraine-Krieg Ukraine setzt auf Waffenproduktion im Ausland", string.Empty), (" (Quelle: Virginia Mayo)", string.Empty)]),
        new Expectation(
            "002_c3aff394776cafa8",
            "Die Lage im Überblick: Kiew und Moskau schmieden an ihren Allianzen",
            null, null, null,
            DroppedLines: ["Home » Die Lage im Überblick: Kiew und Moskau schmieden an ihren Allianzen", "Die Lage im Überblick: Kiew und Moskau schmieden an ihren Allianzen", "Von", "VERWANDTE BEITRÄGE"],
            Gone: ["Home »", "VERWANDTE BEITRÄGE", "Die Lage im Überblick"],
            Rewrites: []),
        new Expectation(
            "003_b1145628e41e4b68",
            "Iran: Regierung vereinbart engere Zusammenarbeit mit Russland",
            "2024-04-30", DatePrecision.Day, "Perspektive Online",
            DroppedLines: ["`", "Dienstag, April 30, 2024", "More", "Iran: Regierung vereinbart engere Zusammenarbeit mit Russland", "Teilen", "Mehr lesen", "Perspektive Online", "direkt auf dein Handy!", "Weitere News"],
            Gone: ["Teilen", "Mehr lesen", "direkt auf dein Handy!", "Weitere News", "April 30, 2024", "`", "Perspektive Online"],
            Rewrites: []),
        new Expectation(
            "004_6131d308b1147b31",
            "Die Ukraine und die USA verhandeln ukrainischen Angaben zufolge weiter über US-Hilfe für das von Russland angegriffene Land.",
            "2025-07", DatePrecision.Month, "dpa-AFX",
            DroppedLines: [],
            Gone: ["KIEW (dpa-AFX)", "/ksr/DP/stw", "date 2025"],
            Rewrites: [(" date 2025-07 KIEW (dpa-AFX) - ", string.Empty), ("/ksr/DP/stw", string.Empty)]),
    }.ToDictionary(e => e.Id);

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Seed_HasExpectedMetadata(string id)
    {
        var expected = Expectations[id];

        var cleaned = ArticleCleaner.Clean(SeedArticles.Read(id));

        Assert.Equal(expected.Title, cleaned.Title);
        Assert.Equal(expected.Date, cleaned.PublishedAt?.ToString());
        Assert.Equal(expected.Precision, cleaned.PublishedAt?.Precision);
        Assert.Equal(expected.Source, cleaned.Source);
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Seed_HasNoBoilerplateLeft(string id)
    {
        var expected = Expectations[id];

        var text = ArticleCleaner.Clean(SeedArticles.Read(id)).Text;

        Assert.All(expected.Gone, b => Assert.DoesNotContain(b, text, StringComparison.Ordinal));
        Assert.DoesNotMatch(@"(?m)^\s*(Teilen|Mehr lesen|More|Von|Weitere News)\s*$", text);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^[ \t]+|[ \t]+$", text);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Seed_KeepsEveryArticleSentence(string id)
    {
        var expected = Expectations[id];
        var raw = SeedArticles.Read(id);
        var cleaned = ArticleCleaner.Clean(raw).Text;

        var kept = raw.Split('\n')
            .Select(line => expected.Rewrites.Where(r => line.Contains(r.From, StringComparison.Ordinal)).Aggregate(line, (l, r) => l.Replace(r.From, r.To, StringComparison.Ordinal)).Trim())
            .Where(line => line.Length > 0 && !expected.DroppedLines.Contains(line))
            .SelectMany(line => SentenceSplitter.Split(line).Select(s => s.Slice(line)))
            .ToList();

        Assert.NotEmpty(kept);
        Assert.All(kept, sentence => Assert.Contains(sentence, cleaned, StringComparison.Ordinal));
    }

    [Fact]
    public void CleanedText_IsNfc()
    {
        var cleaned = ArticleCleaner.Clean("Der Cafe\u0301 in Ko\u0308ln hat geöffnet. Mehr folgt.");

        Assert.Contains("Café in Köln", cleaned.Text, StringComparison.Ordinal);
        Assert.True(cleaned.Text.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void GermanPageDate_IsParsedToTheDay()
    {
        var cleaned = ArticleCleaner.Clean("Montag, 3. März 2025\nSchlagzeile des Tages\nDer erste Satz des Artikels steht hier.");

        Assert.Equal(new PublicationDate(2025, 3, 3), cleaned.PublishedAt);
        Assert.Equal("Schlagzeile des Tages", cleaned.Title);
        Assert.Equal("Der erste Satz des Artikels steht hier.", cleaned.Text);
    }

    [Fact]
    public void GivenMetadata_WinsOverExtractedMetadata()
    {
        var cleaned = ArticleCleaner.Clean(" date 2025-07 KIEW (dpa-AFX) - Ein Satz.", new ArticleMetadata { Title = "Eigener Titel", PublishedAt = new PublicationDate(2024), Source = "Eigene Quelle" });

        Assert.Equal("Eigener Titel", cleaned.Title);
        Assert.Equal(new PublicationDate(2024), cleaned.PublishedAt);
        Assert.Equal("Eigene Quelle", cleaned.Source);
        Assert.Equal("Ein Satz.", cleaned.Text);
    }

    /// <summary>
    /// A scraped page that repeats the dateline before the page date (found by TextProperties, seed 2hwABCmIYbv2): one
    /// pass strips every layer, so a second pass has nothing left to remove.
    /// </summary>
    [Fact]
    public void RepeatedDatelineBeforeAPageDate_IsStrippedInOnePass()
    {
        var cleaned = ArticleCleaner.Clean("Schlagzeile des Tages\nKIEW (dpa-AFX) - KIEW (dpa-AFX) - Dienstag, April 30, 2024\nDer erste Satz des Artikels steht hier.");
        var again = ArticleCleaner.Clean(cleaned.Text, new ArticleMetadata { Title = cleaned.Title, PublishedAt = cleaned.PublishedAt, Source = cleaned.Source });

        Assert.Equal("Der erste Satz des Artikels steht hier.", cleaned.Text);
        Assert.Equal("dpa-AFX", cleaned.Source);
        Assert.Equal(new PublicationDate(2024, 4, 30), cleaned.PublishedAt);
        Assert.Equal(cleaned.Text, again.Text);
    }
}
