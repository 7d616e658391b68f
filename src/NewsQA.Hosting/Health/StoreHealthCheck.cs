using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsQA.Core.Storage;
using NewsQA.Hosting.Selection;

namespace NewsQA.Hosting.Health;

/// <summary>The store answers a statistics query; unhealthy (naming the component, the reason in the log) when it cannot be reached.</summary>
internal sealed class StoreHealthCheck(IDocumentStore store, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = StoreSelection.ProviderName(configuration);
        try
        {
            var stats = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(data: new Dictionary<string, object?>
            {
                ["status"] = "ok",
                ["provider"] = provider,
                ["documents"] = stats.Documents,
                ["chunks"] = stats.Chunks,
                ["embeddingModel"] = stats.EmbeddingModel,
            }!);
        }
        catch (StoreUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message, data: new Dictionary<string, object?>
            {
                ["status"] = "unavailable",
                ["provider"] = provider,
                // Readiness is unauthenticated: the reason (file paths, URLs, driver messages) goes to the log, not here.
                ["message"] = $"{ex.ComponentSubject} cannot be reached or opened; the service log says why.",
                ["component"] = ex.Component,
            }!);
        }
    }
}
