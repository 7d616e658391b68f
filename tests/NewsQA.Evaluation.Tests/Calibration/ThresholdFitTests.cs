using NewsQA.Core.Answer;
using NewsQA.Evaluation.Calibration;

namespace NewsQA.Evaluation.Tests.Calibration;

/// <summary>
/// Fitting on synthetic reports whose best threshold is known by construction: the answerable questions' confidences
/// and the unanswerable ones' are laid out so that the right threshold can be read off the layout.
/// </summary>
public sealed class ThresholdFitTests
{
    private static EvalOutcome Answered(double confidence, bool contains = true) =>
        new($"q{confidence}", 1, AnswerStatus.Answered, confidence, contains, contains);

    private static List<EvalOutcome> Spread(double from, double to, int count, bool contains = true) =>
        Enumerable.Range(0, count).Select(i => Answered(from + ((to - from) * i / (count - 1)), contains)).ToList();

    [Fact]
    public void SeparatedSets_ChooseTheHighestThresholdThatStillAnswersEveryAnswerableQuestion()
    {
        // Answerable at 0.50..0.95, unanswerable at 0.10..0.40: any threshold in (0.40, 0.50] is perfect; ties go up.
        var rows = ThresholdTable.Build(Spread(0.50, 0.95, 10), Spread(0.10, 0.40, 10));

        var chosen = ThresholdChoice.Choose(rows, new CalibrationGoal())!;

        Assert.Equal(0.50, chosen.Threshold, 6);
        Assert.Equal(1, chosen.AnswerContains);
        Assert.Equal(0, chosen.FalseAnswers);
    }

    [Fact]
    public void FalseAnswerCost_TradesMissedAnswersAgainstFalseOnes()
    {
        // 10 answerable at 0.60; 10 unanswerable at 0.30 and another 2 answerable at 0.25. Answering the 2 at t = 0.25
        // gains 2/12 answers but adds 10/10 false ones: any cost above 1/6 keeps t above 0.30.
        var answerable = Enumerable.Repeat(0.60, 10).Select(c => Answered(c)).Concat([Answered(0.25), Answered(0.25)]).ToList();
        var unanswerable = Enumerable.Repeat(0.30, 10).Select(c => Answered(c)).ToList();
        var rows = ThresholdTable.Build(answerable, unanswerable);

        Assert.Equal(0.60, ThresholdChoice.Choose(rows, new CalibrationGoal(FalseAnswerCost: 1))!.Threshold, 6);
        Assert.Equal(0.25, ThresholdChoice.Choose(rows, new CalibrationGoal(FalseAnswerCost: 0.1))!.Threshold, 6);
    }

    [Fact]
    public void MaxFalseAnswers_TakesTheMostAnswersWithinTheBound()
    {
        // Unanswerable confidences 0.00, 0.01 … 0.99: at threshold t, (100 − 100 t) % are answered. Answerable at
        // 0.90 … 0.99 (ten, one per hundredth). At most 5 % false answers means t ≥ 0.95, where 5 of 10 still answer.
        var unanswerable = Enumerable.Range(0, 100).Select(i => Answered(i / 100.0)).ToList();
        var answerable = Enumerable.Range(90, 10).Select(i => Answered(i / 100.0)).ToList();
        var rows = ThresholdTable.Build(answerable, unanswerable);

        var chosen = ThresholdChoice.Choose(rows, new CalibrationGoal(MaxFalseAnswers: 0.05))!;

        Assert.Equal(0.95, chosen.Threshold, 6);
        Assert.Equal(0.5, chosen.AnswerContains, 6);
        Assert.Equal(0.05, chosen.FalseAnswers, 6);
    }

    [Fact]
    public void BoundNoThresholdMeets_ChoosesNothing()
    {
        // An unanswerable question answered with confidence 1 is answered at every threshold up to 1.
        var rows = ThresholdTable.Build([Answered(0.5)], [Answered(1.0)]);

        Assert.Null(ThresholdChoice.Choose(rows, new CalibrationGoal(MaxFalseAnswers: 0.5)));
    }

    [Fact]
    public void QuestionRefusedForAnotherReason_StaysRefusedAtEveryThreshold()
    {
        // A false premise is refused whatever its confidence: it never counts as answered, nor as a false answer.
        var refused = new EvalOutcome("premise", 1, AnswerStatus.NoAnswer, 0.9, false, false);
        var rows = ThresholdTable.Build([Answered(0.5), refused], [refused]);

        Assert.All(rows, r => Assert.Equal(0, r.FalseAnswers));
        Assert.Equal(0.5, rows.Single(r => Math.Abs(r.Threshold) < 1e-9).Answered);
    }

    [Fact]
    public void AnswersWithoutTheExpectedText_CountAsAnsweredButNotAsContaining()
    {
        var rows = ThresholdTable.Build([Answered(0.7, contains: true), Answered(0.7, contains: false)], [Answered(0.1)]);

        var at = rows.Single(r => Math.Abs(r.Threshold - 0.5) < 1e-9);
        Assert.Equal(1, at.Answered);
        Assert.Equal(0.5, at.AnswerContains);
    }
}
