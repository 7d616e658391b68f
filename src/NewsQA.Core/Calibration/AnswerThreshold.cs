using Microsoft.Extensions.Options;
using NewsQA.Core.Answer;

namespace NewsQA.Core.Calibration;

/// <summary>
/// The <c>Answer:MinConfidence</c> an ask uses: a value set in configuration always wins; otherwise the one
/// <c>newsqa eval --calibrate</c> fitted for the model whose retrieval fed the answer (<see cref="CalibrationFile"/>);
/// otherwise the shipped default, which was fitted for lexical retrieval only (docs/quality-notes.md, the trade-off table).
/// </summary>
public sealed class AnswerThreshold
{
    private readonly IOptions<AnswerOptions> options;
    private readonly CalibratedSetting<double> setting;

    /// <param name="options">The shipped or configured <c>Answer:MinConfidence</c>.</param>
    /// <param name="explicitlyConfigured">Whether <c>Answer:MinConfidence</c> was set in configuration.</param>
    /// <param name="calibrated">The entries of the data directory's calibration file.</param>
    public AnswerThreshold(IOptions<AnswerOptions> options, bool explicitlyConfigured = false, IReadOnlyDictionary<string, CalibrationEntry>? calibrated = null)
    {
        this.options = options;
        // Every stored entry carries a threshold.
        setting = new CalibratedSetting<double>(explicitlyConfigured, calibrated, e => e.MinConfidence, () => options.Value.MinConfidence);
    }

    public bool ExplicitlyConfigured => setting.ExplicitlyConfigured;

    /// <summary>The threshold for answers fed by <paramref name="modelId"/>'s retrieval (null: lexical retrieval alone).</summary>
    public double For(string? modelId) => setting.For(modelId);

    /// <summary>Where the threshold for <paramref name="modelId"/> comes from, in one line a reader may see.</summary>
    public string Source(string? modelId)
    {
        if (ExplicitlyConfigured)
        {
            return "configured (Answer:MinConfidence)";
        }

        return setting.Fitted(modelId) is { } fitted
            ? $"calibrated for {CalibrationFile.KeyFor(modelId)} on {fitted.Entry.FittedAt:yyyy-MM-dd}"
            : "shipped default, fitted for lexical retrieval";
    }

    /// <summary>
    /// One line when answers run with a model no threshold was fitted for (the shipped default was fitted for lexical
    /// retrieval, and a model changes the passages the answerer scores); null when nothing is amiss.
    /// </summary>
    public string? Notice(string? modelId) =>
        modelId is null || ExplicitlyConfigured || setting.Fitted(modelId) is not null
            ? null
            : $"Answer:MinConfidence {options.Value.MinConfidence:0.00} was not calibrated for the model {modelId}; run `newsqa eval --calibrate` with it (or set Answer:MinConfidence).";
}
