namespace NewsQA.Core.Calibration;

/// <summary>
/// The one precedence every calibrated setting follows (<see cref="AnswerThreshold"/>, <see cref="FusionWeights"/>): a
/// value set in configuration always wins; otherwise the value <c>newsqa eval --calibrate</c> stored under the model's
/// key in <see cref="CalibrationFile"/>, when that entry carries it; otherwise the shipped default.
/// </summary>
/// <param name="explicitlyConfigured">Whether the setting was set in configuration.</param>
/// <param name="calibrated">The entries of the data directory's calibration file.</param>
/// <param name="fitted">The setting as an entry carries it, or null when the entry's fit did not write it.</param>
/// <param name="configuredOrDefault">The configured value, or the shipped default when none was configured.</param>
internal sealed class CalibratedSetting<T>(
    bool explicitlyConfigured,
    IReadOnlyDictionary<string, CalibrationEntry>? calibrated,
    Func<CalibrationEntry, T?> fitted,
    Func<T> configuredOrDefault)
    where T : struct
{
    private readonly IReadOnlyDictionary<string, CalibrationEntry> calibrated = calibrated ?? new Dictionary<string, CalibrationEntry>();

    public bool ExplicitlyConfigured { get; } = explicitlyConfigured;

    /// <summary>The value for <paramref name="modelId"/>'s retrieval (null: lexical retrieval alone).</summary>
    public T For(string? modelId) => Fitted(modelId)?.Value ?? ConfiguredOrDefault;

    /// <summary>The configured value, or the shipped default: what applies when no fitted value does.</summary>
    public T ConfiguredOrDefault => configuredOrDefault();

    /// <summary>
    /// The stored entry and its value that decide the setting for <paramref name="modelId"/>; null when configuration
    /// wins or no entry for the model's key carries the setting.
    /// </summary>
    public (CalibrationEntry Entry, T Value)? Fitted(string? modelId) =>
        !ExplicitlyConfigured && calibrated.TryGetValue(CalibrationFile.KeyFor(modelId), out var entry) && fitted(entry) is { } value
            ? (entry, value)
            : null;
}
