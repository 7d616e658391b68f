using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;
using NewsQA.Storage.Qdrant.Tests.Fake;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests.OpenApi;

/// <summary>
/// Every request the client sends in a run that touches every store operation is an operation Qdrant's OpenAPI
/// document declares, and its body validates against that operation's request schema.
/// </summary>
public sealed class RequestBodySchemaTests : IAsyncLifetime
{
    private FakeQdrantServer server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => server = await FakeQdrantServer.StartNewAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task EveryRequestBody_ValidatesAgainstQdrantsOpenApiSchema()
    {
        await RunEveryOperationAsync();
        var openApi = await QdrantOpenApi.InstanceAsync();

        var requests = server.Recorded.ToList();
        Assert.NotEmpty(requests);
        foreach (var request in requests)
        {
            Assert.True(openApi.HasOperation(request.Method, request.Path), $"{request.Method} {request.Path} is not in Qdrant's API");
            var schema = openApi.RequestSchemaName(request.Method, request.Path);
            if (schema is null)
            {
                Assert.Null(request.Body);
                continue;
            }

            Assert.NotNull(request.Body);
            var errors = openApi.Validate(schema, request.Body);
            Assert.True(errors.Count == 0, $"{request.Method} {request.Path} body does not match {schema}: {string.Join("; ", errors)}\n{request.Body}");
        }

        // The run really covered the store's whole surface, including the server-side hybrid query.
        var used = requests.Select(r => $"{r.Method} {r.Path}").ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "GET /collections/{collection_name}/exists", "PUT /collections/{collection_name}", "PUT /collections/{collection_name}/index",
                "GET /collections/{collection_name}", "PUT /collections/{collection_name}/vectors/{vector_name}", "DELETE /collections/{collection_name}/vectors/{vector_name}",
                "PUT /collections/{collection_name}/points", "POST /collections/{collection_name}/points", "POST /collections/{collection_name}/points/delete",
                "POST /collections/{collection_name}/points/scroll", "POST /collections/{collection_name}/points/count", "POST /collections/{collection_name}/points/query",
            },
            used);
        Assert.Contains(requests, r => r.Body?.Contains("\"rrf\":{\"k\":", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Validator_RejectsABodyQdrantWouldNotAccept()
    {
        var openApi = await QdrantOpenApi.InstanceAsync();

        // A misspelt field and a string where a number belongs: the check must be able to fail.
        Assert.NotEmpty(openApi.Validate("QueryRequest", """{ "query": [0.1, 0.2], "limt": 3 }"""));
        Assert.NotEmpty(openApi.Validate("CountRequest", """{ "filter": { "must": [ { "key": "a", "range": { "gte": "x" } } ] } }"""));
        Assert.Empty(openApi.Validate("CountRequest", """{ "filter": { "must": [ { "key": "a", "range": { "gte": 1 } } ] }, "exact": true }"""));
    }

    private async Task RunEveryOperationAsync()
    {
        await using var provider = QdrantTestStores.Services(server.Url, QdrantTestStores.UniquePrefix(), new Dictionary<string, string?> { ["Store:Qdrant:ApiKey"] = "secret" });
        var store = provider.GetRequiredService<QdrantNewsStore>();
        await store.InitializeAsync(Ct);

        // A dimension change while no vectors exist replaces the dense vector (DELETE + PUT vectors/dense).
        await store.RecordEmbeddingModelAsync("model-small", 4, Ct);
        await store.RecordEmbeddingModelAsync("model-a", 8, Ct);
        var (doc, chunks) = StoreTestData.Document("a", "Die Ukraine baut Drohnen. Die Armee setzt sie ein.", new PublicationDate(2025, 7), "dpa", i => StoreTestData.Axis(i));
        await store.UpsertAsync(doc, chunks, Ct);
        await store.UpsertAsync(doc, chunks, Ct);

        var filter = new SearchFilter { DocumentIds = ["a"], Sources = ["DPA"], PublishedFrom = new PublicationDate(2025), PublishedTo = new PublicationDate(2025, 12, 31) };
        Assert.NotEmpty(await store.SearchLexicalAsync(StoreTestData.Terms("Drohnen"), filter, 5, cancellationToken: Ct));
        Assert.NotEmpty(await store.SearchDenseAsync(StoreTestData.Axis(0), filter, 5, Ct));
        Assert.NotEmpty(await store.SearchHybridAsync(StoreTestData.Axis(0), StoreTestData.Terms("Drohnen"), filter, 5, cancellationToken: Ct));
        Assert.NotNull(await store.GetAsync("a", Ct));
        Assert.NotEmpty(await store.GetChunksAsync("a", Ct));
        Assert.Single(await store.ListAsync(10, null, Ct));
        Assert.Equal(1, (await store.GetStatisticsAsync(Ct)).Documents);
        Assert.True(await store.DeleteAsync("a", Ct));

        Assert.All(server.Recorded, r => Assert.Equal("secret", r.ApiKey));
    }
}
