using NewsQA.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Answer;
using NewsQA.Core.Calibration;
using NewsQA.Core.Search.Fusion;
using NewsQA.Hosting.Configuration;

namespace NewsQA.Hosting.Calibration;

/// <summary>
/// Chooses the answer thresholds and fusion weights the service runs with: those <c>newsqa eval --calibrate</c> stored
/// per model in the data directory (<see cref="CalibrationFile"/>), unless <c>Answer:MinConfidence</c> (for thresholds)
/// or <c>Retrieval:DenseWeight</c> / <c>Retrieval:LexicalWeight</c> (for weights) are set in configuration, which
/// always wins. Each is looked up by the id of the model search runs with, so a model attached later finds its own.
/// </summary>
internal static class CalibrationSelection
{
    public static IServiceCollection AddNewsQaCalibration(this IServiceCollection services, IConfiguration configuration)
    {
        // Read once, for both: a damaged file is one problem, reported once.
        services.TryAddSingleton(sp => new CalibrationEntries(Read(configuration, sp.GetRequiredService<CalibrationProblem>())));
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnswerOptions>>();
            var configured = IsSet(configuration, $"{AnswerOptions.Section}:{nameof(AnswerOptions.MinConfidence)}");
            return new AnswerThreshold(options, configured, sp.GetRequiredService<CalibrationEntries>().Models);
        }));
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FusionOptions>>();
            var configured = IsSet(configuration, $"{FusionOptions.Section}:{nameof(FusionOptions.DenseWeight)}")
                || IsSet(configuration, $"{FusionOptions.Section}:{nameof(FusionOptions.LexicalWeight)}");
            return new FusionWeights(options, configured, sp.GetRequiredService<CalibrationEntries>().Models);
        }));
        services.TryAddSingleton<CalibrationProblem>();
        return services;
    }

    private static bool IsSet(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);

    private static IReadOnlyDictionary<string, CalibrationEntry> Read(IConfiguration configuration, CalibrationProblem problem)
    {
        try
        {
            return CalibrationFile.Read(DataOptions.PathOf(configuration));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // A damaged file must not stop the service: it answers with the default threshold and says why at start.
            problem.Message = $"{CalibrationFile.FileName} could not be read ({ex.Message}); the default Answer:MinConfidence applies.";
            return new Dictionary<string, CalibrationEntry>();
        }
    }
}

/// <summary>The calibration file's entries, read once at start.</summary>
internal sealed record CalibrationEntries(IReadOnlyDictionary<string, CalibrationEntry> Models);
