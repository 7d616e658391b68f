
namespace NewsQA.Evaluation.Tests;

public sealed class EvalMetricsTests
{
    [Fact]
    public void Compute_MatchesHandCalculation()
    {
        // Gold ranks 1, 3, absent, 6.
        var metrics = EvalMetrics.Compute([1, 3, null, 6], [true, false, false, true], [true, true, false, true]);

        Assert.Equal(4, metrics.Questions);
        Assert.Equal(0.25, metrics.RecallAt1);
        Assert.Equal(0.5, metrics.RecallAt5);
        Assert.Equal(0.75, metrics.RecallAt10);
        Assert.Equal((1 + (1.0 / 3) + (1.0 / 6)) / 4, metrics.MrrAt10, 12);
        Assert.Equal((1 + (1 / Math.Log2(4)) + (1 / Math.Log2(7))) / 4, metrics.NdcgAt10, 12);
        Assert.Equal(0.5, metrics.AnswerContains);
        Assert.Equal(0.75, metrics.AnsweredShare);
    }

    [Fact]
    public void RankOf_CountsDistinctDocumentsInOrder()
    {
        Assert.Equal(2, EvalMetrics.RankOf("b", ["a", "a", "b", "c"]));
        Assert.Null(EvalMetrics.RankOf("x", ["a", "b"]));
    }

    [Fact]
    public void ContainsAnswer_IgnoresCase() =>
        Assert.True(EvalMetrics.ContainsAnswer(["Die Zahl war 308 Punkte."], ["308 punkte"]));
}
