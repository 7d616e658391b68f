using NewsQA.Hosting;
using NewsQA.Api.Hosting;
using NewsQA.Core.Storage;

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

    private static async Task<IResult> ReadyAsync(INewsStore store, ServiceStatus status, CancellationToken ct)
    {
        var failing = new List<string>();
        object storeDetail;
        try
        {
            var stats = await store.GetStatisticsAsync(ct);
            storeDetail = new { status = "ok", provider = status.StoreProvider, documents = stats.Documents, chunks = stats.Chunks, embeddingModel = stats.EmbeddingModel };
        }
        catch (StoreUnavailableException ex)
        {
            failing.Add(ex.Component);
            storeDetail = new { status = "unavailable", provider = status.StoreProvider, message = ex.Message };
        }

        if (status.EmbedderProblem is { } embedderProblem)
        {
            failing.Add("embedder");
        }

        var body = new
        {
            status = failing.Count == 0 ? "ready" : "unavailable",
            failing,
            searchMode = status.DefaultSearchMode,
            store = storeDetail,
            embeddings = new { status = status.EmbedderProblem is null ? (status.EmbeddingModel is null ? "none" : "ok") : "failed", model = status.EmbeddingModel, message = status.EmbeddingMessage },
            generative = status.GenerativeModel,
        };
        return failing.Count == 0 ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
