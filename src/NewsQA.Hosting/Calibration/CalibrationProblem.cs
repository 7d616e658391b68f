namespace NewsQA.Hosting.Calibration;

/// <summary>Why the calibration file was not used, for the start log; null when it was (or there is none).</summary>
internal sealed class CalibrationProblem
{
    public string? Message { get; set; }
}
