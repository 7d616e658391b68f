using NewsQA.Core.Answer.Extractive;
using NewsQA.Core.Search.Query;

namespace NewsQA.Core.Tests.Answer.Extractive;

public sealed class SentenceScorerTests
{
    private static ISet<string> Terms(params string[] terms) => new HashSet<string>(terms, StringComparer.Ordinal);

    [Fact]
    public void PassageWeights_FavourRareTermsAndMostTheOnesNoPassageHas()
    {
        var question = new QuestionProfile(["drohn", "iran", "eiffelturm"], ExpectedAnswer.Any);
        IReadOnlyList<ISet<string>> passages = [Terms("drohn", "ukrain"), Terms("drohn", "iran"), Terms("drohn")];

        var weights = SentenceScorer.PassageWeights(question, passages);

        // "drohn" is in every passage, "iran" in one, "eiffelturm" in none: the rarer, the more a term says.
        Assert.All(weights.Values, w => Assert.True(w > 0));
        Assert.True(weights["iran"] > weights["drohn"]);
        Assert.True(weights["eiffelturm"] > weights["iran"]);
    }

    [Fact]
    public void PassageWeights_OfATermDependOnlyOnHowManyPassagesHoldIt()
    {
        var question = new QuestionProfile(["drohn", "iran"], ExpectedAnswer.Any);
        IReadOnlyList<ISet<string>> passages = [Terms("drohn"), Terms("iran"), Terms("krieg")];

        var weights = SentenceScorer.PassageWeights(question, passages);

        Assert.Equal(weights["drohn"], weights["iran"], 12);
    }

    [Fact]
    public void Coverage_IsTheWeightedShareOfQuestionTermsFound()
    {
        var question = new QuestionProfile(["drohn", "iran"], ExpectedAnswer.Any);
        var weights = new Dictionary<string, double> { ["drohn"] = 1, ["iran"] = 3 };

        Assert.Equal(0.75, SentenceScorer.Coverage(question, Terms("iran", "russland"), weights), 12);
        Assert.Equal(0.5, SentenceScorer.Coverage(question, Terms("iran", "russland")), 12);
        Assert.Equal(1, SentenceScorer.Coverage(question, Terms("drohn", "iran"), weights), 12);
    }

    [Fact]
    public void Compound_CountsAsAPartialMatch()
    {
        var question = new QuestionProfile(["produktion"], ExpectedAnswer.Any);

        Assert.Equal(SentenceScorer.PartialMatch, SentenceScorer.Coverage(question, Terms("waffenproduktion")), 12);
        Assert.Equal(0, SentenceScorer.Coverage(question, Terms("pro", "waffe")), 12);
    }

    [Theory]
    // "wie viele": a numeral, written or in words; the article "ein" is no number, or every German sentence would hold one.
    [InlineData(ExpectedAnswer.Number, "Sie bauten 3.000 Raketen.", true)]
    [InlineData(ExpectedAnswer.Number, "Drei Länder treten bei.", true)]
    [InlineData(ExpectedAnswer.Number, "Er kaufte ein Haus in einer Stadt.", false)]
    // "wann": a year, month, weekday or span; "vor", "nach", "seit" are prepositions of place and cause as often.
    [InlineData(ExpectedAnswer.Time, "Das geschah im Juli 2025.", true)]
    [InlineData(ExpectedAnswer.Time, "Seit Jahren wächst die Stadt.", true)]
    [InlineData(ExpectedAnswer.Time, "Er stand vor dem Rathaus und ging nach Hause.", false)]
    public void HasExpectedAnswer_FindsTheKindOfFactAskedFor(ExpectedAnswer expected, string sentence, bool holds) =>
        Assert.Equal(holds, SentenceScorer.HasExpectedAnswer(expected, sentence));
}
