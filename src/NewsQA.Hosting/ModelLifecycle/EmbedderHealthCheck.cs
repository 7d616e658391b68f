using NewsQA.Core.Search.Retrieval;
using NewsQA.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsQA.Core.Calibration;
using NewsQA.Core.Search.Embedding;

namespace NewsQA.Hosting.ModelLifecycle;

/// <summary>
/// Readiness' reading of <see cref="EmbeddingModelState"/>: healthy when the embedder is usable or none is configured
/// (lexical-only is a supported mode, and so is the time a model is downloaded or the store embedded: search answers
/// lexically meanwhile); unhealthy when a configured model failed to load or the stored vectors come from another model.
/// </summary>
internal sealed class EmbedderHealthCheck(EmbeddingModelState model, QueryAndPassageEmbedder embedder, AnswerThreshold threshold, FusionWeights fusionWeights) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problem = model.Problem;
        var stage = model.Stage;
        var data = new Dictionary<string, object?>
        {
            ["status"] = problem is not null ? "failed" : stage.Status,
            ["model"] = stage.ModelId,
            ["message"] = stage.Message,
            // The mode a search without "mode" runs in: hybrid once every stored document has the model's vectors
            // (a mismatch is reported, not hidden).
            ["searchMode"] = (embedder.IsSearchable ? SearchMode.Hybrid : SearchMode.Lexical).ToWireName(),
        };

        // Answers are scored on what retrieval fed them: the threshold fitted for this model, or a notice that none was.
        var answersFrom = embedder.IsSearchable ? stage.ModelId : null;
        data["minConfidence"] = threshold.For(answersFrom);
        data["calibration"] = threshold.Notice(answersFrom) ?? threshold.Source(answersFrom);
        if (answersFrom is not null)
        {
            // Hybrid ranks with the pair fitted for this model, or says it is plain RRF because none was.
            var weights = fusionWeights.For(answersFrom);
            data["fusionWeights"] = new Dictionary<string, double> { [SearchMode.Dense.ToWireName()] = weights.Dense, [SearchMode.Lexical.ToWireName()] = weights.Lexical };
            data["fusionCalibration"] = fusionWeights.Source(answersFrom);
        }

        if (stage.Status == ModelStage.Downloading)
        {
            data["bytesDone"] = stage.Done;
            data["bytesTotal"] = stage.Total;
        }
        else if (stage.Status == ModelStage.Backfilling)
        {
            data["documentsEmbedded"] = stage.Done;
            data["documentsTotal"] = stage.Total;
        }

        return Task.FromResult(problem is null ? HealthCheckResult.Healthy(data: data!) : HealthCheckResult.Unhealthy(problem, data: data!));
    }
}
