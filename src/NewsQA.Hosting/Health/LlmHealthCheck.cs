using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NewsQA.Answering.Generative;

namespace NewsQA.Hosting.Health;

/// <summary>
/// Reports the chat model generative answers use. Always healthy: an LLM that fails falls back to extractive
/// answers per request, so it never makes the service unready.
/// </summary>
internal sealed class LlmHealthCheck(IOptions<GenerativeOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var llm = options.Value;
        var model = llm.IsEnabled ? llm.Model : null;
        return Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object?> { ["model"] = model }!));
    }
}
