using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsQA.Api.Errors;
using NewsQA.Api.Security;
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
    private static async Task<IResult> ReadyAsync(HealthCheckService health, HttpContext http, CollectionAccess access, CancellationToken ct)
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
            store = WithReadableCounts(Readable(store.Data, "component"), http, access),
            embeddings = Readable(embedder.Data, "searchMode"),
            generative = report.Entries[HealthChecks.Llm].Data["model"],
            feeds = report.Entries[HealthChecks.Feeds].Data["feeds"],
        };
        return failing.Count == 0 ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// Counts per collection for the collections this request may read, and no others: readiness answers anyone, and a
    /// count says a collection holds something. While another collection holds documents, the totals are the readable
    /// collections' documents, and the chunk total (not kept per collection) is left out.
    /// </summary>
    private static Dictionary<string, object?> WithReadableCounts(Dictionary<string, object?> store, HttpContext http, CollectionAccess access)
    {
        if (store.GetValueOrDefault("collections") is not IReadOnlyDictionary<string, long> counts)
        {
            return store;
        }

        var readable = access.Readable(http, counts.Keys).ToHashSet(StringComparer.Ordinal);
        store["collections"] = counts.Where(c => readable.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        if (readable.Count < counts.Count)
        {
            store["documents"] = counts.Where(c => readable.Contains(c.Key)).Sum(c => c.Value);
            store.Remove("chunks");
        }

        return store;
    }

    /// <summary>
    /// A check's data as readiness shows it, without the key that is reported elsewhere. Readiness is
    /// unauthenticated, so every message (the store's as much as the embedder's) names what is wrong, not where it
    /// lies on disk.
    /// </summary>
    private static Dictionary<string, object?> Readable(IReadOnlyDictionary<string, object> data, string reportedElsewhere) =>
        data.Where(d => d.Key != reportedElsewhere).ToDictionary(d => d.Key, d => d.Value is string text ? ReaderText.WithoutPaths(text) : (object?)d.Value);
}
