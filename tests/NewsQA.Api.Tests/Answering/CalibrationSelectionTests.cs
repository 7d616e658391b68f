using System.Text.Json.Nodes;
using NewsQA.Core.Calibration;
using NewsQA.Testing;
using NewsQA.Testing.Hosting;

namespace NewsQA.Api.Tests.Answering;

/// <summary>
/// The threshold `newsqa eval --calibrate` stores in the data directory, picked up by the real API at start: asks use
/// it, a configured Answer:MinConfidence wins over it, readiness says which applies, and a model nobody calibrated for
/// is named at start (one log line) and in readiness.
/// </summary>
public sealed class CalibrationSelectionTests
{
    // A paraphrase the seeds answer, but not with full confidence.
    private const string Question = "Wie lange läuft das Partnerschaftsabkommen zwischen Kiew und London?";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CalibrationEntry Entry(double minConfidence) =>
        new(minConfidence, "lexical", "test", 1, 1, 1, 1, 0, DateTimeOffset.UtcNow);

    private static async Task<(JsonNode Answer, JsonNode Ready)> AskAsync(NewsQaApplication app)
    {
        using var client = app.CreateClient();
        var answer = await client.PostJsonAsync("/api/ask", new { question = Question }, Ct);
        var ready = await client.GetJsonAsync("/health/ready", Ct);
        return (answer, ready);
    }

    [Fact]
    public async Task StoredLexicalThreshold_IsWhatAsksUse()
    {
        await using var shipped = new NewsQaApplication();
        var (before, readyBefore) = await AskAsync(shipped);
        Assert.Equal("answered", before["status"]!.GetValue<string>());
        Assert.Equal("shipped default, fitted for lexical retrieval", readyBefore["embeddings"]!["calibration"]!.GetValue<string>());

        // A stored threshold just above this answer's confidence must refuse it.
        var above = Math.Round(before["confidence"]!.GetValue<double>() + 0.01, 2);
        await using var calibrated = new NewsQaApplication();
        CalibrationFile.Write(calibrated.DataPath, CalibrationFile.LexicalKey, Entry(above));
        var (after, ready) = await AskAsync(calibrated);

        Assert.Equal("no_answer", after["status"]!.GetValue<string>());
        Assert.Equal(above, ready["embeddings"]!["minConfidence"]!.GetValue<double>(), 6);
        Assert.StartsWith("calibrated for lexical", ready["embeddings"]!["calibration"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredMinConfidence_WinsOverTheStoredOne()
    {
        await using var app = new NewsQaApplication(new Dictionary<string, string?> { ["Answer:MinConfidence"] = "0.2" });
        CalibrationFile.Write(app.DataPath, CalibrationFile.LexicalKey, Entry(0.99));

        var (answer, ready) = await AskAsync(app);

        Assert.Equal("answered", answer["status"]!.GetValue<string>());
        Assert.Equal(0.2, ready["embeddings"]!["minConfidence"]!.GetValue<double>(), 6);
        Assert.Equal("configured (Answer:MinConfidence)", ready["embeddings"]!["calibration"]!.GetValue<string>());
    }

    [Fact]
    public async Task ModelWithoutCalibration_IsNamedAtStartAndInReadiness()
    {
        var log = new CapturedLog();
        await using var app = new NewsQaApplication(
            new Dictionary<string, string?> { ["Embeddings:Model"] = Path.Combine(AppContext.BaseDirectory, "models", "tiny", "xlmr") },
            log.Install);
        CalibrationFile.Write(app.DataPath, CalibrationFile.LexicalKey, Entry(0.5));

        var (_, ready) = await AskAsync(app);

        var notice = ready["embeddings"]!["calibration"]!.GetValue<string>();
        Assert.Contains("was not calibrated for the model", notice, StringComparison.Ordinal);
        Assert.Contains("newsqa eval --calibrate", notice, StringComparison.Ordinal);
        Assert.Single(log.Entries, e => e.Message.Contains("was not calibrated for the model", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoredFusionWeightsForTheModel_AreNamedInReadiness()
    {
        var log = new CapturedLog();
        await using var app = new NewsQaApplication(
            new Dictionary<string, string?> { ["Embeddings:Model"] = Path.Combine(AppContext.BaseDirectory, "models", "tiny", "xlmr") },
            log.Install);
        CalibrationFile.Write(app.DataPath, "tiny-xlmr", Entry(0.5) with { DenseWeight = 0.05, LexicalWeight = 2 });

        var (_, ready) = await AskAsync(app);

        var embeddings = ready["embeddings"]!;
        Assert.Equal(0.05, embeddings["fusionWeights"]!["dense"]!.GetValue<double>(), 6);
        Assert.Equal(2, embeddings["fusionWeights"]!["lexical"]!.GetValue<double>(), 6);
        Assert.StartsWith("calibrated for tiny-xlmr", embeddings["fusionCalibration"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("Fusion weights", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThresholdWithoutFusionWeights_SaysPlainRrfAtStartAndInReadiness()
    {
        var log = new CapturedLog();
        await using var app = new NewsQaApplication(
            new Dictionary<string, string?> { ["Embeddings:Model"] = Path.Combine(AppContext.BaseDirectory, "models", "tiny", "xlmr") },
            log.Install);
        CalibrationFile.Write(app.DataPath, "tiny-xlmr", Entry(0.5));

        var (_, ready) = await AskAsync(app);

        var embeddings = ready["embeddings"]!;
        Assert.Equal(1, embeddings["fusionWeights"]!["dense"]!.GetValue<double>(), 6);
        Assert.StartsWith("not calibrated for tiny-xlmr; shipped weights", embeddings["fusionCalibration"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(log.Entries, e => e.Message.Contains("Fusion weights: not calibrated for tiny-xlmr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DamagedCalibrationFile_StartsWithTheDefaultAndSaysWhy()
    {
        var log = new CapturedLog();
        await using var app = new NewsQaApplication(services: log.Install);
        await File.WriteAllTextAsync(CalibrationFile.PathIn(app.DataPath), "not json", Ct);

        var (answer, ready) = await AskAsync(app);

        Assert.Equal("answered", answer["status"]!.GetValue<string>());
        Assert.Equal("shipped default, fitted for lexical retrieval", ready["embeddings"]!["calibration"]!.GetValue<string>());
        Assert.Single(log.Entries, e => e.Message.Contains("calibration.json could not be read", StringComparison.Ordinal));
    }
}
