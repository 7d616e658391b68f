using Microsoft.AspNetCore.Http.HttpResults;
using NewsQA.Api.Security;
using NewsQA.Core.Ingest;

namespace NewsQA.Api.Endpoints;

/// <summary>
/// <c>GET/POST /api/collections</c> and <c>DELETE /api/collections/{name}</c>: a request sees only the collections it
/// may read (<see cref="CollectionAccess"/>), and creates or deletes only those it may write.
/// </summary>
public static class CollectionsApi
{
    public static RouteGroupBuilder MapCollections(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/collections").WithTags("Collections");
        group.MapGet("/", ListAsync).WithName("ListCollections").WithSummary("The collections this request may read, with their document counts")
            .AddEndpointFilter<ReadAccessFilter>();
        group.MapPost("/", CreateAsync).WithName("CreateCollection").WithSummary("Create an empty collection")
            .AddEndpointFilter<WriteAccessFilter>();
        group.MapDelete("/{name}", DeleteAsync).WithName("DeleteCollection").WithSummary("Delete a collection and every document in it")
            .AddEndpointFilter<WriteAccessFilter>();
        return group;
    }

    private static async Task<Ok<CollectionListResponse>> ListAsync(HttpContext http, CollectionAccess access, CollectionCatalog catalog, CancellationToken ct)
    {
        var all = await catalog.ListAsync(ct);
        var readable = access.Readable(http, all.Select(c => c.Name)).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(new CollectionListResponse([.. all.Where(c => readable.Contains(c.Name)).Select(c => new CollectionItem(c.Name, c.Documents))]));
    }

    private static async Task<Results<Created<CollectionItem>, Ok<CollectionItem>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CollectionRequest? request, HttpContext http, CollectionAccess access, CollectionCatalog catalog, CancellationToken ct)
    {
        if (request?.Name is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["'name' is required."] });
        }

        if (access.Refusal(http, request.Name, write: true, out var name) is { } refused)
        {
            return refused;
        }

        var item = new CollectionItem(name, 0);
        return await catalog.CreateAsync(name, ct) ? TypedResults.Created($"/api/collections/{Uri.EscapeDataString(name)}", item) : TypedResults.Ok(item);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string name, HttpContext http, CollectionAccess access, CollectionCatalog catalog, CancellationToken ct)
    {
        if (access.Refusal(http, name, write: true, out var collection) is { } refused)
        {
            return refused;
        }

        return await catalog.DeleteAsync(collection, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "Collection not found", detail: $"There is no collection '{collection}'.", statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound);
    }
}

public sealed record CollectionRequest(string? Name);

public sealed record CollectionItem(string Name, long Documents);

public sealed record CollectionListResponse(IReadOnlyList<CollectionItem> Items);
