using NewsQA.Testing.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Hosting;
using NewsQA.Hosting.Startup;
using NewsQA.Core.Answer;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Storage;

namespace NewsQA.Answering.Generative.Tests;

/// <summary>The answering services as the API wires them (NewsQA.Hosting's AddNewsQa), over a temporary embedded store and the fake model.</summary>
internal sealed class GenerativeTestHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly string dataPath;

    private GenerativeTestHost(ServiceProvider provider, string dataPath)
    {
        this.provider = provider;
        this.dataPath = dataPath;
    }

    public AskService Ask => provider.GetRequiredService<AskService>();

    public IServiceProvider Services => provider;

    public IDocumentStore Store => provider.GetRequiredService<IDocumentStore>();

    public IAnswerer Answerer => provider.GetRequiredService<IAnswerer>();

    public static async Task<GenerativeTestHost> StartAsync(FakeOpenAiServer fake, CancellationToken cancellationToken, int timeoutSeconds = 10)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "newsqa-gen-" + Guid.NewGuid().ToString("N"));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Path"] = dataPath,
            ["Llm:Endpoint"] = fake.Endpoint,
            ["Llm:Model"] = "fake-model",
            ["Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddNewsQa(config);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<NewsQaStartup>().RunAsync(cancellationToken);
        return new GenerativeTestHost(provider, dataPath);
    }

    public async Task IngestAsync(string id, string title, string text, CancellationToken cancellationToken, string? collection = null) =>
        await provider.GetRequiredService<IngestPipeline>().IngestAsync(new DocumentInput(text) { Id = id, Title = title, Collection = collection }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
