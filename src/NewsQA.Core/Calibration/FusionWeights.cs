using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Fusion;

namespace NewsQA.Core.Calibration;

/// <summary>
/// The weighted-RRF weights a hybrid search uses: set in configuration (<c>Retrieval:DenseWeight</c> or
/// <c>Retrieval:LexicalWeight</c>), they always win; otherwise those <c>newsqa eval --calibrate</c> fitted for the model
/// (<see cref="CalibrationFile"/>); otherwise <see cref="FusionOptions"/>' defaults (1 and 1: plain RRF). Rankings of
/// two models are not alike, so a pair fitted for one model means nothing for another. Questions in a language the
/// model does not declare keep <see cref="FusionOptions.OtherLanguageDenseWeight"/> (the Retriever decides that).
/// </summary>
public sealed class FusionWeights
{
    private readonly CalibratedSetting<RrfWeights> setting;

    /// <param name="options">The shipped or configured weights.</param>
    /// <param name="explicitlyConfigured">Whether either weight was set in configuration.</param>
    /// <param name="calibrated">The entries of the data directory's calibration file.</param>
    public FusionWeights(IOptions<FusionOptions> options, bool explicitlyConfigured = false, IReadOnlyDictionary<string, CalibrationEntry>? calibrated = null)
    {
        // Only an entry a fit wrote weights into carries them; the lexical entry never does (it fuses nothing).
        setting = new CalibratedSetting<RrfWeights>(
            explicitlyConfigured,
            calibrated,
            e => e is { DenseWeight: { } dense, LexicalWeight: { } lexical } ? new RrfWeights(dense, lexical) : null,
            () => RrfWeights.Of(options.Value));
    }

    public bool ExplicitlyConfigured => setting.ExplicitlyConfigured;

    /// <summary>The weights for hybrid searches with <paramref name="modelId"/>'s vectors.</summary>
    public RrfWeights For(string? modelId) => Fitted(modelId)?.Value ?? setting.ConfiguredOrDefault;

    /// <summary>Where the weights for <paramref name="modelId"/> come from, in one line a reader may see.</summary>
    public string Source(string? modelId)
    {
        if (ExplicitlyConfigured)
        {
            return $"configured (Retrieval:DenseWeight/LexicalWeight): {For(modelId)}";
        }

        return Fitted(modelId) is { } fitted
            ? $"calibrated for {modelId} on {fitted.Entry.FittedAt:yyyy-MM-dd}: {fitted.Value}"
            : $"not calibrated for {CalibrationFile.KeyFor(modelId)}; shipped weights ({For(modelId)}); run `newsqa eval --calibrate` with the model";
    }

    /// <summary>Whether the weights for <paramref name="modelId"/> were fitted for it (or set in configuration).</summary>
    public bool IsCalibrated(string? modelId) => ExplicitlyConfigured || Fitted(modelId) is not null;

    /// <summary>Only a model's entry can carry weights: lexical retrieval fuses nothing.</summary>
    private (CalibrationEntry Entry, RrfWeights Value)? Fitted(string? modelId) => modelId is null ? null : setting.Fitted(modelId);
}
