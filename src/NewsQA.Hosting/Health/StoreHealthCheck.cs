using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsQA.Core.Storage;
using NewsQA.Hosting.Selection;

namespace NewsQA.Hosting.Health;

/// <summary>The store answers a statistics query; unhealthy (naming the component, the reason in the log) when it cannot be reached.</summary>
/// <remarks>
/// A store that answers but whose reads fail (<see cref="StoreReadFailures"/>: a damaged search index) is unhealthy
/// too, and the message names the way back.
/// </remarks>
internal sealed class StoreHealthCheck(IDocumentStore store, IConfiguration configuration, StoreReadFailures reads) : IHealthCheck
{
    /// <summary>
    /// What the operator reads, naming the one command for the case: a damaged file needs the store checked and its
    /// derived indexes rebuilt (<c>newsqa reindex</c>, which says when the file must come from a backup); a read that
    /// failed otherwise may be passing trouble, so the same command is the way back only if it keeps failing.
    /// </summary>
    private static string WayBack(string subject, bool damaged) => damaged
        ? $"{subject}: a read found its file damaged, so reads and writes are refused. Stop the service and run `newsqa reindex`, which checks the file, rebuilds its indexes from the stored documents, and says if the file must be restored from a backup. The service log says why."
        : $"{subject} answers but reading from it fails. If it keeps failing, stop the service and run `newsqa reindex`, which checks the file and rebuilds its indexes from the stored documents. The service log says why.";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = StoreSelection.ProviderName(configuration);
        try
        {
            var stats = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            if (reads.FailingComponent is { } failing)
            {
                var subject = char.ToUpperInvariant(failing[0]) + failing[1..];
                return HealthCheckResult.Unhealthy($"{subject}: reads fail", data: new Dictionary<string, object?>
                {
                    ["status"] = "unavailable",
                    ["provider"] = provider,
                    ["message"] = WayBack(subject, reads.DamagedComponent is not null),
                    ["component"] = failing,
                }!);
            }

            if (stats.Degraded is { } problem)
            {
                // Documents can be written and read; lexical search waits for the rebuild, so the instance is not ready.
                return HealthCheckResult.Unhealthy(problem, data: new Dictionary<string, object?>
                {
                    ["status"] = "rebuilding",
                    ["provider"] = provider,
                    ["message"] = problem + " Searches answer 503 until it is done; 'newsqa reindex --lexical' does the same by hand.",
                    ["component"] = "lexical index",
                }!);
            }

            return HealthCheckResult.Healthy(data: new Dictionary<string, object?>
            {
                ["status"] = "ok",
                ["provider"] = provider,
                ["documents"] = stats.Documents,
                ["chunks"] = stats.Chunks,
                ["collections"] = stats.Collections,
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
