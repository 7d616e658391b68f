using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsQA.Hosting.Startup;

namespace NewsQA.Hosting.Health;

/// <summary>
/// Healthy when the embedder is usable or none is configured (lexical-only is a supported mode); unhealthy
/// when a configured model failed to load or the stored vectors come from another model.
/// </summary>
internal sealed class EmbedderHealthCheck(EmbedderState embedder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problem = embedder.Problem;
        var data = new Dictionary<string, object?>
        {
            ["status"] = problem is not null ? "failed" : embedder.ModelId is null ? "none" : "ok",
            ["model"] = embedder.ModelId,
            ["message"] = embedder.Message,
            // The mode a search without "mode" runs in: hybrid whenever a model is loaded (a mismatch is reported, not hidden).
            ["searchMode"] = embedder.ModelId is null ? "lexical" : "hybrid",
        };
        return Task.FromResult(problem is null ? HealthCheckResult.Healthy(data: data!) : HealthCheckResult.Unhealthy(problem, data: data!));
    }
}
