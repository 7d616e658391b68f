using NewsQA.Core.Ingest.Cleaning;

namespace NewsQA.Core.Tests.TextProperties;

/// <summary>Cases the property tests found, kept as plain examples.</summary>
public sealed class CleanerRegressionTests
{
    [Fact]
    public void DatelineUnderAHeadlineIsRemoved()
    {
        var cleaned = ArticleCleaner.Clean("Bahn streikt in Bayern\nMÜNCHEN (dpa) - Am Montag fahren keine Züge.");

        Assert.Equal("Bahn streikt in Bayern", cleaned.Title);
        Assert.Equal("Am Montag fahren keine Züge.", cleaned.Text);
        Assert.Equal("dpa", cleaned.Source);
    }

    [Fact]
    public void FirstSentenceEqualToTheGivenTitleIsKept()
    {
        var cleaned = ArticleCleaner.Clean("Die Bahn streikt.\nAm Montag fahren keine Züge.", new ArticleMetadata { Title = "Die Bahn streikt." });

        Assert.Equal("Die Bahn streikt.\nAm Montag fahren keine Züge.", cleaned.Text);
    }

    [Fact]
    public void TrailerOnlyTextNeverGivesAnEmptyTitle()
    {
        var cleaned = ArticleCleaner.Clean(" /ksr/DP/stw\uFEFF");

        Assert.False(string.IsNullOrWhiteSpace(cleaned.Title));
    }
}
