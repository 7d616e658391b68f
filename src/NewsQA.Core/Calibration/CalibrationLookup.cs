namespace NewsQA.Core.Calibration;

/// <summary>
/// The precedence every calibrated setting follows (<see cref="AnswerThreshold"/>, <see cref="FusionWeights"/>): a
/// value set in configuration always wins; otherwise the entry <c>newsqa eval --calibrate</c> stored under the model's
/// key in <see cref="CalibrationFile"/>, when it carries the setting; otherwise the shipped default.
/// </summary>
internal sealed class CalibrationLookup(bool explicitlyConfigured, IReadOnlyDictionary<string, CalibrationEntry>? calibrated)
{
    private readonly IReadOnlyDictionary<string, CalibrationEntry> calibrated = calibrated ?? new Dictionary<string, CalibrationEntry>();

    public bool ExplicitlyConfigured { get; } = explicitlyConfigured;

    /// <summary>
    /// The stored entry that decides the setting for <paramref name="modelId"/> (null: lexical retrieval alone); null
    /// when configuration wins or no entry for its key carries the setting (<paramref name="carries"/>).
    /// </summary>
    public CalibrationEntry? Entry(string? modelId, Func<CalibrationEntry, bool> carries) =>
        !ExplicitlyConfigured && calibrated.TryGetValue(CalibrationFile.KeyFor(modelId), out var entry) && carries(entry) ? entry : null;
}
