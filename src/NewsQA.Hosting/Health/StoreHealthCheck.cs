using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsQA.Core.Storage;
using NewsQA.Hosting.Selection;

namespace NewsQA.Hosting.Health;

/// <summary>The store answers a statistics query; unhealthy (naming the component) when it cannot be reached.</summary>
internal sealed class StoreHealthCheck(INewsStore store, IConfiguration configuration) : IHealthCheck
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
                ["message"] = ex.Message,
                ["component"] = ex.Component,
            }!);
        }
    }
}
