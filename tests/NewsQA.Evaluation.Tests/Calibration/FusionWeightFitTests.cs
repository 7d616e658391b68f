using Microsoft.Extensions.Options;
using NewsQA.Core.Calibration;
using NewsQA.Core.Search.Fusion;
using NewsQA.Evaluation.Calibration;

namespace NewsQA.Evaluation.Tests.Calibration;

/// <summary>The grid fit of the weighted-RRF pair, and the weights a search then uses.</summary>
public sealed class FusionWeightFitTests
{
    private static readonly DateTimeOffset Fitted = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every pair ranks the gold at <paramref name="rank"/> for every question, except those <paramref name="overrides"/> name.</summary>
    private static List<IReadOnlyList<int?>> Ranks(int questions, int? rank, Dictionary<RrfWeights, int?[]> overrides) =>
        FusionWeightFit.Pairs.Select(p => overrides.TryGetValue(p, out var own) ? own : (IReadOnlyList<int?>)Enumerable.Repeat(rank, questions).ToArray()).ToList();

    [Fact]
    public void Choose_TakesThePairWithTheBestMrr_AndReportsPlainRrfBesideIt()
    {
        var better = new RrfWeights(0.05, 2);
        var ranks = Ranks(4, 2, new() { [better] = [1, 1, 1, 2] });

        var fit = FusionWeightFit.Choose(ranks);

        Assert.Equal(better, fit.Chosen.Weights);
        Assert.Equal((1 + 1 + 1 + 0.5) / 4, fit.Chosen.MrrAt10, 9);
        Assert.Equal(0.75, fit.Chosen.RecallAt1, 9);
        Assert.Equal(new RrfWeights(1, 1), fit.PlainRrf.Weights);
        Assert.Equal(0.5, fit.PlainRrf.MrrAt10, 9);
        Assert.Equal(new RrfWeights(0, 1), fit.LexicalOnly.Weights);
        Assert.Equal(FusionWeightFit.Pairs.Count, fit.Rows.Count);
    }

    [Fact]
    public void Choose_OnATie_KeepsPlainRrf()
    {
        var fit = FusionWeightFit.Choose(Ranks(3, 1, []));

        Assert.Equal(new RrfWeights(1, 1), fit.Chosen.Weights);
    }

    [Fact]
    public void Choose_WhenLexicalAloneIsBest_LeavesDenseOut()
    {
        var fit = FusionWeightFit.Choose(Ranks(2, 3, new() { [new RrfWeights(0, 1)] = [1, 1] }));

        Assert.Equal(0, fit.Chosen.Weights.Dense);
    }

    [Fact]
    public void HeldOut_ScoresEachHalfWithThePairTheOtherHalfChose()
    {
        // One pair is best on the even questions only, another on the odd ones only: each half's choice is wrong for the other.
        var evenPair = new RrfWeights(0.1, 1);
        var oddPair = new RrfWeights(2, 1);
        var ranks = Ranks(4, 2, new() { [evenPair] = [1, null, 1, null], [oddPair] = [null, 1, null, 1] });

        var fit = FusionWeightFit.Choose(ranks);

        Assert.Equal(0, fit.HeldOutMrrAt10, 9);
        Assert.Equal(0.5, fit.HeldOutPlainMrrAt10, 9);
    }

    [Fact]
    public void Choose_WhenTheBestPairOnlyFitsTheQuestionsItWasChosenOn_LeavesDenseOut()
    {
        // Each half has a pair of its own that beats lexical alone there and loses on the other half: in-sample both
        // beat lexical (MRR .667 against .5), held out they score .333, so the gain is the grid fitting noise.
        var evenPair = new RrfWeights(0.1, 1);
        var oddPair = new RrfWeights(2, 1);
        var ranks = Ranks(4, 3, new() { [new RrfWeights(0, 1)] = [2, 2, 2, 2], [evenPair] = [1, 3, 1, 3], [oddPair] = [3, 1, 3, 1] });

        var fit = FusionWeightFit.Choose(ranks);

        Assert.True(fit.Rows.Max(r => r.MrrAt10) > fit.LexicalOnly.MrrAt10);
        Assert.True(fit.HeldOutMrrAt10 < fit.LexicalOnly.MrrAt10);
        Assert.Equal(new RrfWeights(0, 1), fit.Chosen.Weights);
    }

    [Fact]
    public void Choose_OnAMixOfKinds_KeepsDenseWhenLexicalAloneLosesOnOneKind()
    {
        // Six copied-wording questions: lexical alone ranks the gold first, the pair with dense second. Two in a reader's
        // own words: lexical alone misses them, the pair finds them second. Over all eight lexical alone wins (MRR .75
        // against .5), and a fit that ignores the kinds leaves dense out; it is not better on both kinds, so dense stays.
        var meaning = new RrfWeights(0.5, 1);
        int?[] lexical = [1, 1, 1, 1, 1, 1, null, null];
        var ranks = Ranks(8, null, new() { [new RrfWeights(0, 1)] = lexical, [meaning] = [2, 2, 2, 2, 2, 2, 2, 2] });
        string[] kinds = ["xquad", "xquad", "xquad", "xquad", "xquad", "xquad", "reader", "reader"];

        var fit = FusionWeightFit.Choose(ranks, kinds);
        var ignoringKinds = FusionWeightFit.Choose(ranks);

        Assert.Equal(meaning, fit.Chosen.Weights);
        var reader = fit.Kinds.Single(k => k.Kind == "reader");
        Assert.Equal(0.5, reader.ChosenMrrAt10, 9);
        Assert.Equal(0, reader.LexicalOnlyMrrAt10, 9);
        Assert.Equal(1, fit.Kinds.Single(k => k.Kind == "xquad").LexicalOnlyMrrAt10, 9);
        Assert.Equal(new RrfWeights(0, 1), ignoringKinds.Chosen.Weights);
    }

    [Fact]
    public void Weights_ConfiguredWin_ThenTheModelsFittedPair_ThenTheDefaults()
    {
        var options = Options.Create(new FusionOptions { DenseWeight = 1, LexicalWeight = 1 });
        var entries = new Dictionary<string, CalibrationEntry>
        {
            ["m"] = new(0.5, "hybrid", "test", 1, 1, 1, 1, 0, Fitted) { DenseWeight = 0.05, LexicalWeight = 2 },
            ["old"] = new(0.5, "hybrid", "test", 1, 1, 1, 1, 0, Fitted),
        };

        var calibrated = new FusionWeights(options, calibrated: entries);
        var configured = new FusionWeights(Options.Create(new FusionOptions { DenseWeight = 3, LexicalWeight = 1 }), explicitlyConfigured: true, entries);

        Assert.Equal(new RrfWeights(0.05, 2), calibrated.For("m"));
        Assert.True(calibrated.IsCalibrated("m"));
        Assert.StartsWith("calibrated for m on 2026-12-02", calibrated.Source("m"), StringComparison.Ordinal);
        Assert.Equal(new RrfWeights(1, 1), calibrated.For("other"));
        Assert.False(calibrated.IsCalibrated("other"));
        Assert.Contains("newsqa eval --calibrate", calibrated.Source("other"), StringComparison.Ordinal);
        // A file written before weights were fitted has a threshold but no pair.
        Assert.Equal(new RrfWeights(1, 1), calibrated.For("old"));
        Assert.False(calibrated.IsCalibrated("old"));
        Assert.Equal(new RrfWeights(3, 1), configured.For("m"));
        Assert.StartsWith("configured", configured.Source("m"), StringComparison.Ordinal);
    }
}
