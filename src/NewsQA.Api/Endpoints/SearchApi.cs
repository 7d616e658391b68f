using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsQA.Api.Contracts;
using NewsQA.Api.Security;
using NewsQA.Core.Retrieval;

namespace NewsQA.Api.Endpoints;

public static class SearchApi
{
    public static RouteGroupBuilder MapSearch(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/search").WithTags("Search").AddEndpointFilter<ReadAccessFilter>();
        group.MapPost("/", SearchAsync)
            .WithName("Search")
            .WithSummary("Find passages: hybrid (dense + German lexical, fused), dense or lexical");
        return group;
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        SearchRequestDto request, Retriever retriever, IOptions<ApiLimitsOptions> limits, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var v = new RequestValidation(limits.Value);
        var query = v.Text("query", request.Query);
        var top = v.Top(request.Top) ?? 8;
        var mode = v.Mode(request.Mode);
        var filter = v.Filter(request.Filter);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var result = await retriever.SearchAsync(new SearchRequest(query, top, mode, filter), ct);
        var results = result.Passages.Select(p => new SearchResultDto(
            p.Hit.Chunk.DocumentId,
            p.Hit.Chunk.Id,
            p.Hit.Document.Title,
            p.Hit.Document.PublishedAt,
            p.Hit.Document.Url,
            p.Hit.Document.Source,
            p.Hit.Chunk.Text,
            p.Hit.Chunk.Span,
            Math.Round(p.Score, 6),
            new ScoresDto(Round(p.Dense), Round(p.Lexical), Round(p.Fused)))).ToList();
        var timings = new SearchTimingsDto(Math.Round(result.EmbedMs, 2), Math.Round(result.SearchMs, 2), Math.Round(watch.Elapsed.TotalMilliseconds, 2));
        return TypedResults.Ok(new SearchResponse(query, result.Mode.ToString().ToLowerInvariant(), results, timings));
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
}
