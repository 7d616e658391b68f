using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsQA.Core.Calibration;

/// <summary>
/// A fitted <c>Answer:MinConfidence</c> with what it was fitted on and what it gives there, and for a model the
/// weighted-RRF weights fitted with it (<see cref="FusionWeights"/>; absent in files written before they were fitted).
/// </summary>
public sealed record CalibrationEntry(
    [property: JsonPropertyName("minConfidence")] double MinConfidence,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("goal")] string Goal,
    [property: JsonPropertyName("answerable")] int Answerable,
    [property: JsonPropertyName("unanswerable")] int Unanswerable,
    [property: JsonPropertyName("answerContains")] double AnswerContains,
    [property: JsonPropertyName("answered")] double Answered,
    [property: JsonPropertyName("falseAnswers")] double FalseAnswers,
    [property: JsonPropertyName("fittedAt")] DateTimeOffset FittedAt)
{
    [JsonPropertyName("denseWeight")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? DenseWeight { get; init; }

    [JsonPropertyName("lexicalWeight")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LexicalWeight { get; init; }

    /// <summary>MRR@10 of the fitted weights on the labelled set, beside plain RRF's, so the file says what the fit bought.</summary>
    [JsonPropertyName("fusionMrrAt10")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? FusionMrrAt10 { get; init; }

    [JsonPropertyName("plainRrfMrrAt10")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? PlainRrfMrrAt10 { get; init; }
}

/// <summary>
/// <c>calibration.json</c> in the data directory: per model id (<see cref="LexicalKey"/> for answers from lexical
/// retrieval alone) the threshold <c>newsqa eval --calibrate</c> fitted. Confidences depend on what retrieval fed the
/// answerer, so a threshold fitted for one model means nothing for another; the service looks its model up here.
/// </summary>
public static class CalibrationFile
{
    public const string FileName = "calibration.json";

    /// <summary>The key of answers from lexical retrieval (no model, or a question the model's languages do not cover).</summary>
    public const string LexicalKey = "lexical";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string PathIn(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), FileName);

    /// <summary>The model id's key: the id, or <see cref="LexicalKey"/> without one.</summary>
    public static string KeyFor(string? modelId) => string.IsNullOrWhiteSpace(modelId) ? LexicalKey : modelId;

    /// <summary>The entries of the file in <paramref name="dataDirectory"/>; empty when there is none.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a calibration file.</exception>
    public static IReadOnlyDictionary<string, CalibrationEntry> Read(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (!File.Exists(path))
        {
            return new Dictionary<string, CalibrationEntry>(StringComparer.Ordinal);
        }

        try
        {
            var file = JsonSerializer.Deserialize<Contents>(File.ReadAllText(path), Options);
            return file?.Models is { } models
                ? new Dictionary<string, CalibrationEntry>(models, StringComparer.Ordinal)
                : throw new InvalidDataException($"{FileName} has no \"models\" object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{FileName} is not valid calibration JSON (line {ex.LineNumber + 1}).", ex);
        }
    }

    /// <summary>Stores <paramref name="entry"/> for <paramref name="key"/>, keeping the other models' entries; written whole, then moved into place.</summary>
    public static void Write(string dataDirectory, string key, CalibrationEntry entry)
    {
        var models = new Dictionary<string, CalibrationEntry>(Read(dataDirectory), StringComparer.Ordinal) { [key] = entry };
        Directory.CreateDirectory(Path.GetFullPath(dataDirectory));
        var path = PathIn(dataDirectory);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(new Contents(models), Options));
        File.Move(temp, path, overwrite: true);
    }

    private sealed record Contents([property: JsonPropertyName("models")] Dictionary<string, CalibrationEntry>? Models);
}
