using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Core.Storage;
using NewsQA.Storage.Qdrant.Tests.Fake;

namespace NewsQA.Storage.Qdrant.Tests.Contract;

/// <summary>Sharding and replication come from <c>Store:Qdrant</c>, reach Qdrant when collections are created, and are validated at start.</summary>
public sealed class ClusterSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewCollections_AreCreatedWithTheConfiguredShardsAndReplication()
    {
        await using var server = await FakeQdrantServer.StartNewAsync();
        var prefix = QdrantTestStores.UniquePrefix();
        await using var provider = QdrantTestStores.Services(server.Url, prefix, new Dictionary<string, string?>
        {
            ["Store:Qdrant:ShardNumber"] = "6",
            ["Store:Qdrant:ReplicationFactor"] = "2",
            ["Store:Qdrant:WriteConsistencyFactor"] = "2",
        });

        await provider.GetRequiredService<IDocumentStore>().InitializeAsync(Ct);

        foreach (var collection in new[] { prefix + "_documents", prefix + "_chunks" })
        {
            var created = server.CreatedAs(collection);
            Assert.NotNull(created);
            Assert.Equal(6u, created.ShardNumber);
            Assert.Equal(2u, created.ReplicationFactor);
            Assert.Equal(2u, created.WriteConsistencyFactor);
        }
    }

    [Fact]
    public async Task ConcurrentStarts_CreateEachCollectionOnce_AndBothSucceed()
    {
        // Two replicas starting at once: one of them meets AlreadyExists, which counts as success.
        await using var server = await FakeQdrantServer.StartNewAsync();
        var prefix = QdrantTestStores.UniquePrefix();
        await using var first = QdrantTestStores.Services(server.Url, prefix);
        await using var second = QdrantTestStores.Services(server.Url, prefix);

        await Task.WhenAll(
            first.GetRequiredService<IDocumentStore>().InitializeAsync(Ct),
            second.GetRequiredService<IDocumentStore>().InitializeAsync(Ct));

        Assert.Equal(2, server.CollectionNames.Count(n => n.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Store:Qdrant:WriteConsistencyFactor", "3", "WriteConsistencyFactor (3) must not exceed Store:Qdrant:ReplicationFactor (2)")]
    [InlineData("Store:Qdrant:Url", "http://qdrant:6333", "6333, Qdrant's REST port")]
    [InlineData("Store:Qdrant:Url", "qdrant:6334", "absolute http or https URL")]
    [InlineData("Store:Qdrant:ShardNumber", "0", "ShardNumber")]
    public void InvalidSettings_FailAtStart_NamingTheKey(string key, string value, string expected)
    {
        using var provider = QdrantTestStores.Services(new Uri("http://127.0.0.1:6334"), "t", new Dictionary<string, string?>
        {
            ["Store:Qdrant:ReplicationFactor"] = "2",
            [key] = value,
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
