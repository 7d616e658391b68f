using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Query;

namespace NewsQA.Core.Tests.Search.Query;

public sealed class QueryTermsTests
{
    private static readonly LuceneTermAnalyzer Analyzer = new();

    [Theory]
    [InlineData("Wie viele Drohnen hat die Ukraine gebaut?", "Drohnen Ukraine gebaut")]
    [InlineData("Wer schickte zuerst Funkwellen über den Atlantik?", "schickte zuerst Funkwellen Atlantik")]
    [InlineData("How many points did the Panthers defense surrender?", "points Panthers defense surrender")]
    [InlineData("What was the population of Warsaw in 1901?", "population Warsaw 1901")]
    public void QuestionWords_AreDropped_TheSubjectStays(string question, string subject)
    {
        Assert.Equal(Analyzer.Analyze(subject), QueryTerms.Of(Analyzer, question));
    }

    [Fact]
    public void AQueryOfQuestionWordsOnly_HasNoTerms()
    {
        Assert.Empty(QueryTerms.Of(Analyzer, "Wer? Wann? Wo? Who, what, when?"));
    }
}
