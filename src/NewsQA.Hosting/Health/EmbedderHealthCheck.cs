using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsQA.Core.Calibration;
using NewsQA.Core.Search.Embedding;
using NewsQA.Hosting.Startup;

namespace NewsQA.Hosting.Health;

/// <summary>
/// Healthy when the embedder is usable or none is configured (lexical-only is a supported mode, and so is the
/// time a model is downloaded or the store embedded: search answers lexically meanwhile); unhealthy when a
/// configured model failed to load or the stored vectors come from another model.
/// </summary>
internal sealed class EmbedderHealthCheck(EmbedderState embedder, QueryAndPassageEmbedder encoder, AnswerThreshold threshold, FusionWeights fusionWeights) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problem = embedder.Problem;
        var phase = embedder.Phase;
        var data = new Dictionary<string, object?>
        {
            ["status"] = problem is not null ? "failed" : phase.Status,
            ["model"] = phase.ModelId,
            ["message"] = phase.Message,
            // The mode a search without "mode" runs in: hybrid once every stored document has the model's vectors
            // (a mismatch is reported, not hidden).
            ["searchMode"] = encoder.IsSearchable ? "hybrid" : "lexical",
        };

        // Answers are scored on what retrieval fed them: the threshold fitted for this model, or a notice that none was.
        var answersFrom = encoder.IsSearchable ? phase.ModelId : null;
        data["minConfidence"] = threshold.For(answersFrom);
        data["calibration"] = threshold.Notice(answersFrom) ?? threshold.Source(answersFrom);
        if (answersFrom is not null)
        {
            // Hybrid ranks with the pair fitted for this model, or says it is plain RRF because none was.
            var weights = fusionWeights.For(answersFrom);
            data["fusionWeights"] = new Dictionary<string, double> { ["dense"] = weights.Dense, ["lexical"] = weights.Lexical };
            data["fusionCalibration"] = fusionWeights.Source(answersFrom);
        }
        if (phase.Status == EmbedderPhase.Downloading)
        {
            data["bytesDone"] = phase.Done;
            data["bytesTotal"] = phase.Total;
        }
        else if (phase.Status == EmbedderPhase.Embedding)
        {
            data["documentsEmbedded"] = phase.Done;
            data["documentsTotal"] = phase.Total;
        }

        return Task.FromResult(problem is null ? HealthCheckResult.Healthy(data: data!) : HealthCheckResult.Unhealthy(problem, data: data!));
    }
}
