using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsQA.Hosting.Feeds;

/// <summary>Reports each followed feed's state. Always healthy: a failing feed stops no search or answer, it is only shown.</summary>
internal sealed class FeedHealthCheck(FeedStatusBoard board) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["feeds"] = board.Snapshot() }));
}
