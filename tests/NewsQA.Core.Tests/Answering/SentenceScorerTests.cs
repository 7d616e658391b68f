using NewsQA.Core.Query;
using NewsQA.Core.Answering;

namespace NewsQA.Core.Tests.Answering;

public sealed class SentenceScorerTests
{
    private static ISet<string> Terms(params string[] terms) => new HashSet<string>(terms, StringComparer.Ordinal);

    [Fact]
    public void PassageWeights_AreIdfOverThePassagesAndDoubleForTermsNoPassageHas()
    {
        var question = new QuestionProfile(["drohn", "iran", "eiffelturm"], ExpectedAnswer.Any);
        IReadOnlyList<ISet<string>> passages = [Terms("drohn", "ukrain"), Terms("drohn", "iran"), Terms("drohn")];

        var weights = SentenceScorer.PassageWeights(question, passages);

        // idf = ln(1 + (n - df + 0.5) / (df + 0.5)) + 0.2 with n = 3; df 3, 1 and 0 (the last doubled).
        Assert.Equal(Math.Log(1 + (0.5 / 3.5)) + 0.2, weights["drohn"], 12);
        Assert.Equal(Math.Log(1 + (2.5 / 1.5)) + 0.2, weights["iran"], 12);
        Assert.Equal(2 * (Math.Log(1 + (3.5 / 0.5)) + 0.2), weights["eiffelturm"], 12);
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
}
