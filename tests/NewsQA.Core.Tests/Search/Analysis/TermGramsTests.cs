using NewsQA.Core.Search.Analysis;

namespace NewsQA.Core.Tests.Search.Analysis;

public sealed class TermGramsTests
{
    [Fact]
    public void LongTerms_BecomeEdgeMarkedTrigrams_ShortTermsStayWhole()
    {
        Assert.Equal(["_dr", "dro", "roh", "ohn", "hn_", "nato"], TermGrams.Of(["drohn", "nato"]));
    }

    [Fact]
    public void ACompoundSharesItsPartsGrams()
    {
        using var analyzer = new LuceneTermAnalyzer();
        var compound = TermGrams.Of(analyzer.Analyze("Eisenbahnstrecken"));
        var part = TermGrams.Of(analyzer.Analyze("Strecken"));

        // Every inner gram of the part occurs in the compound; only the part's start edge ("_st") does not.
        Assert.Equal(part.Count - 1, part.Count(compound.Contains));
        Assert.DoesNotContain("_st", compound);
    }

    [Fact]
    public void RepeatedTermsRepeatTheirGrams()
    {
        var grams = TermGrams.Of(["drohn", "drohn"]);

        Assert.Equal(2, grams.Count(g => g == "dro"));
        Assert.Empty(TermGrams.Of([]));
    }
}
