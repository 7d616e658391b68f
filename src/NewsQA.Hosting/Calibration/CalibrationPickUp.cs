using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Answering;
using NewsQA.Core.Calibration;
using NewsQA.Hosting.Configuration;

namespace NewsQA.Hosting.Calibration;

/// <summary>
/// Hands the service the thresholds <c>newsqa eval --calibrate</c> stored in the data directory
/// (<see cref="CalibrationFile"/>), unless <c>Answer:MinConfidence</c> is set in configuration, which always wins.
/// </summary>
internal static class CalibrationPickUp
{
    public static IServiceCollection AddNewsQaCalibration(this IServiceCollection services, IConfiguration configuration)
    {
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnswerOptions>>();
            var configured = !string.IsNullOrWhiteSpace(configuration[$"{AnswerOptions.Section}:{nameof(AnswerOptions.MinConfidence)}"]);
            return new AnswerThreshold(options, configured, Read(configuration, sp.GetRequiredService<CalibrationProblem>()));
        }));
        services.TryAddSingleton<CalibrationProblem>();
        return services;
    }

    private static IReadOnlyDictionary<string, CalibrationEntry> Read(IConfiguration configuration, CalibrationProblem problem)
    {
        try
        {
            return CalibrationFile.Read(configuration[NewsQaConfigurationRules.DataPath] ?? "./data");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // A damaged file must not stop the service: it answers with the default threshold and says why at start.
            problem.Message = $"{CalibrationFile.FileName} could not be read ({ex.Message}); the default Answer:MinConfidence applies.";
            return new Dictionary<string, CalibrationEntry>();
        }
    }
}

/// <summary>Why the calibration file was not used, for the start log; null when it was (or there is none).</summary>
internal sealed class CalibrationProblem
{
    public string? Message { get; set; }
}
