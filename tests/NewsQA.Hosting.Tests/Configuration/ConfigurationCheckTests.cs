using Microsoft.Extensions.Configuration;
using NewsQA.Core.Configuration;
using NewsQA.Hosting.Configuration;

namespace NewsQA.Hosting.Tests.Configuration;

/// <summary>
/// The start-up check every host runs before anything is built (<see cref="NewsQaConfigurationRules.Common"/>): it
/// finds each options class by itself, and a mistake is one line naming the key as the operator wrote it.
/// </summary>
public sealed class ConfigurationCheckTests
{
    [Theory]
    [InlineData("Data:Path")]
    [InlineData("Seeds:IngestOnEmpty")]
    [InlineData("Store:Provider")]
    [InlineData("Store:Embedded:QuantizedSearchFrom")]
    [InlineData("Store:Qdrant:Url")]
    [InlineData("Embeddings:Model")]
    [InlineData("Embeddings:WatchInterval")]
    [InlineData("Chunking:TargetChars")]
    [InlineData("Retrieval:RrfK")]
    [InlineData("Answer:MinConfidence")]
    [InlineData("Llm:Endpoint")]
    [InlineData("Feeds:Sources:N:Url")]
    [InlineData("Feeds:Sources:N:Interval")]
    [InlineData("Feeds:AllowPrivateNetworks")]
    public void EveryProjectsOptions_AreFoundWithoutAList(string key)
    {
        Assert.Contains(key, NewsQaConfigurationRules.Common().Keys);
    }

    [Fact]
    public void APropertyAnotherKeySets_IsNoKeyOfItsOwn()
    {
        // The embedded store's folder is Data:Path; "Store:Embedded:DataPath" would be a key nobody reads.
        Assert.DoesNotContain("Store:Embedded:DataPath", NewsQaConfigurationRules.Common().Keys);
    }

    [Theory]
    [InlineData("Embeddings:AutoPull", "maybe")]
    [InlineData("Embeddings:WatchInterval", "00:00:00")]
    [InlineData("Embeddings:WatchInterval", "-00:00:05")]
    [InlineData("Embeddings:BackfillBatch", "0")]
    [InlineData("Store:Embedded:QuantizedSearchFrom", "-1")]
    [InlineData("Store:Provider", "Mongo")]
    [InlineData("Chunking:TargetChars", "5000")]
    [InlineData("Store:Qdrant:CollectionPrefix", "news\n")]
    [InlineData("Feeds:Sources:0:Url", "ftp://feeds.example/rss")]
    [InlineData("Feeds:Sources:1:Interval", "every hour")]
    [InlineData("Feeds:Sources:0:Interval", "00:00:00")]
    [InlineData("Feeds:MaxResponseBytes", "12")]
    [InlineData("Feeds:AllowPrivateNetworks", "yes")]
    public void AWrongValue_IsOneLineNamingItsKey(string key, string value)
    {
        var problems = Run(new() { [key] = value });

        var line = Assert.Single(problems);
        Assert.Contains(key, line, StringComparison.Ordinal);
    }

    [Fact]
    public void AFeedWithoutItsAddress_IsOneLineNamingTheIndex()
    {
        var problems = Run(new() { ["Feeds:Sources:0:Url"] = "https://feeds.example/rss", ["Feeds:Sources:1:Interval"] = "00:05:00" });

        Assert.Equal("Feeds:Sources:1:Url is required for each listed feed", Assert.Single(problems));
    }

    [Fact]
    public void AFeedIntoAnInvalidCollection_IsOneLineNamingItsKey()
    {
        var problems = Run(new() { ["Feeds:Sources:0:Url"] = "https://feeds.example/rss", ["Feeds:Sources:0:Collection"] = "desk/agency" });

        Assert.StartsWith("Feeds:Sources:0:Collection must be", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyValue_MeansUnset()
    {
        var configuration = Configuration(new() { [DataOptions.PathKey] = "", ["Embeddings:BackfillBatch"] = "" });

        Assert.Empty(NewsQaConfigurationRules.Common().Run(configuration));
        Assert.Equal(DataOptions.DefaultPath, configuration[DataOptions.PathKey]);
        Assert.Equal("16", configuration["Embeddings:BackfillBatch"]);
    }

    [Fact]
    public void DefaultConfiguration_HasNoMistake()
    {
        Assert.Empty(Run([]));
    }

    private static IReadOnlyList<string> Run(Dictionary<string, string?> values) => NewsQaConfigurationRules.Common().Run(Configuration(values));

    private static ConfigurationManager Configuration(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(values);
        return configuration;
    }
}
