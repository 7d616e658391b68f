using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsQA.Api.Requests;
using NewsQA.Contracts.Search;
using NewsQA.Api.Security;
using NewsQA.Core.Search.Query;
using NewsQA.Core.Search.Retrieval;

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

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        SearchRequestDto? request, HttpContext http, CollectionAccess access, Retriever retriever, IOptions<ApiLimitsOptions> limits, IOptions<RecencyOptions> recency, TimeProvider clock, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        if (request is null)
        {
            return TypedResults.ValidationProblem(RequestValidation.MissingBody);
        }

        var v = new RequestValidation(limits.Value);
        var query = v.Text("query", request.Query);
        var top = v.Top(request.Top) ?? SearchRequest.DefaultTop;
        var mode = v.Mode(request.Mode);
        var collection = v.Collection(request.Collection);
        var filter = v.Filter(request.Filter, collection);
        var group = v.Group(request.Group);
        var sort = v.Sort(request.Sort);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        if (access.Read(http, collection) is { } refused)
        {
            return refused;
        }

        var decay = RecencyDecay.For(query, recency.Value.RecencyHalfLifeDays, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var result = await retriever.SearchAsync(new SearchRequest(query, top, mode, filter) { Group = group, Order = sort, Recency = decay }, ct);
        return TypedResults.Ok(result.ToResponse(query, watch.Elapsed, decay));
    }
}
