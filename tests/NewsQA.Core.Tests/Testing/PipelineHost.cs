using NewsQA.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded;
using NewsQA.Testing.Fakes;

namespace NewsQA.Core.Tests.Testing;

/// <summary>Core's services over a temporary embedded store, with the fake embedder that fails on demand.</summary>
internal sealed class PipelineHost : IAsyncDisposable
{
    private readonly TempFolder? owned;

    /// <param name="configure">Registrations on top (they run first, so Core's TryAdd defaults step aside).</param>
    /// <param name="profile">The fake model's profile (default: id "fake-chars", no declared languages).</param>
    /// <param name="window">The fake model's passage window (default: none, chunks by characters only).</param>
    /// <param name="dataPath">A data folder another host uses too (two processes on one folder); default: a temporary one of its own.</param>
    public PipelineHost(Action<IServiceCollection>? configure = null, EmbeddingProfile? profile = null, NewsQA.Core.Ingest.Chunking.IPassageWindow? window = null, string? dataPath = null)
    {
        owned = dataPath is null ? new TempFolder("newsqa-core-") : null;
        var data = dataPath ?? owned!.Path;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Path"] = data }).Build();
        var services = new ServiceCollection();
        configure?.Invoke(services);
        services
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddNewsQaCore()
            .AddEmbeddedStore()
            .AddSingleton(new QueryAndPassageEmbedder(Embedder, profile ?? new EmbeddingProfile("fake-chars", FakeEmbedder.Dimensions), window));
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeEmbedder Embedder { get; } = new();

    public ServiceProvider Services { get; }

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        owned?.Dispose();
    }
}
