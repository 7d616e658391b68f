using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsQA.Api.Errors;
using NewsQA.Hosting.Health;

namespace NewsQA.Api.Endpoints;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).WithTags("Health").WithName("Live");
        routes.MapGet("/health/ready", ReadyAsync).WithTags("Health").WithName("Ready")
            .WithSummary("200 when the store and embedder are usable, else 503 naming the failing part");
        return routes;
    }

    /// <summary>The readiness health checks (store, embedder, LLM) as the contract's readiness JSON.</summary>
    private static async Task<IResult> ReadyAsync(HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(HealthChecks.Ready), ct);
        var store = report.Entries[HealthChecks.Store];
        var embedder = report.Entries[HealthChecks.Embedder];
        var failing = new List<string>();
        if (store.Status == HealthStatus.Unhealthy)
        {
            failing.Add((string)store.Data["component"]);
        }

        if (embedder.Status == HealthStatus.Unhealthy)
        {
            failing.Add(HealthChecks.Embedder);
        }

        var body = new
        {
            status = failing.Count == 0 ? "ready" : "unavailable",
            failing,
            searchMode = embedder.Data["searchMode"],
            store = Readable(store.Data, "component"),
            embeddings = Readable(embedder.Data, "searchMode"),
            generative = report.Entries[HealthChecks.Llm].Data["model"],
            feeds = report.Entries[HealthChecks.Feeds].Data["feeds"],
        };
        return failing.Count == 0 ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// A check's data as readiness shows it, without the key that is reported elsewhere. Readiness is
    /// unauthenticated, so every message (the store's as much as the embedder's) names what is wrong, not where it
    /// lies on disk.
    /// </summary>
    private static Dictionary<string, object?> Readable(IReadOnlyDictionary<string, object> data, string reportedElsewhere) =>
        data.Where(d => d.Key != reportedElsewhere).ToDictionary(d => d.Key, d => d.Value is string text ? ReaderText.WithoutPaths(text) : (object?)d.Value);
}
