using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>The fake's routes, spelled exactly like the paths in Qdrant's OpenAPI document so recorded requests can be matched to it.</summary>
internal static class FakeQdrantApi
{
    public const string BodyKey = "fake-qdrant-body";

    public static void Map(IEndpointRouteBuilder routes, ConcurrentDictionary<string, FakeCollection> collections)
    {
        FakeCollection Find(HttpContext c) =>
            collections.TryGetValue((string)c.Request.RouteValues["collection_name"]!, out var found)
                ? found
                : throw new FakeQdrantException(404, $"Not found: Collection `{c.Request.RouteValues["collection_name"]}` doesn't exist!");

        routes.MapGet("/collections/{collection_name}/exists", Handle(c => new JsonObject { ["exists"] = collections.ContainsKey((string)c.Request.RouteValues["collection_name"]!) }));
        routes.MapGet("/collections/{collection_name}", Handle(c => Find(c).Info()));
        routes.MapPut("/collections/{collection_name}", Handle(c =>
        {
            var name = (string)c.Request.RouteValues["collection_name"]!;
            return collections.TryAdd(name, new FakeCollection(Body(c))) ? true : throw new FakeQdrantException(409, $"Wrong input: Collection `{name}` already exists!");
        }));
        routes.MapPut("/collections/{collection_name}/vectors/{vector_name}", Handle(c =>
        {
            Find(c).AddVector((string)c.Request.RouteValues["vector_name"]!, Body(c));
            return true;
        }));
        routes.MapDelete("/collections/{collection_name}/vectors/{vector_name}", Handle(c =>
        {
            Find(c).RemoveVector((string)c.Request.RouteValues["vector_name"]!);
            return true;
        }));
        routes.MapPut("/collections/{collection_name}/index", Handle(c =>
        {
            Find(c).IndexedFields.Add(Body(c)["field_name"]!.GetValue<string>());
            return Completed();
        }));
        routes.MapPut("/collections/{collection_name}/points", Handle(c =>
        {
            Find(c).Upsert(Body(c));
            return Completed();
        }));
        routes.MapPost("/collections/{collection_name}/points/delete", Handle(c =>
        {
            Find(c).Delete(Body(c));
            return Completed();
        }));
        routes.MapPost("/collections/{collection_name}/points", Handle(c => Find(c).Retrieve(Body(c))));
        routes.MapPost("/collections/{collection_name}/points/scroll", Handle(c => Find(c).Scroll(Body(c))));
        routes.MapPost("/collections/{collection_name}/points/count", Handle(c => new JsonObject { ["count"] = Find(c).Count(Body(c)) }));
        routes.MapPost("/collections/{collection_name}/points/query", Handle(c => Find(c).Query(Body(c))));
    }

    private static JsonObject Completed() => new() { ["operation_id"] = 0, ["status"] = "completed" };

    private static JsonObject Body(HttpContext context) =>
        context.Items[BodyKey] is string { Length: > 0 } body
            ? JsonNode.Parse(body)?.AsObject() ?? throw new FakeQdrantException(400, "empty body")
            : throw new FakeQdrantException(400, "request body missing");

    private static RequestDelegate Handle(Func<HttpContext, JsonNode?> handler) => async context =>
    {
        JsonObject envelope;
        try
        {
            envelope = new JsonObject { ["result"] = handler(context), ["status"] = "ok", ["time"] = 0.0001 };
        }
        catch (FakeQdrantException ex)
        {
            context.Response.StatusCode = ex.Status;
            envelope = new JsonObject { ["status"] = new JsonObject { ["error"] = ex.Message }, ["time"] = 0 };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or NullReferenceException or KeyNotFoundException or ArgumentException)
        {
            // A bug in the fake or a body it cannot read: answered like Qdrant's internal errors, with the reason.
            context.Response.StatusCode = 500;
            envelope = new JsonObject { ["status"] = new JsonObject { ["error"] = $"fake: {ex.GetType().Name}: {ex.Message}" }, ["time"] = 0 };
        }

        await context.Response.WriteAsJsonAsync(envelope);
    };
}
