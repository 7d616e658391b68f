using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsQA.Core;
using NewsQA.Core.Embedding;
using NewsQA.Core.Storage;
using NewsQA.Hosting;

namespace NewsQA.Cli;

/// <summary>
/// The CLI's services: the same configuration keys, store and embedder as the API
/// (appsettings.json in the working directory, NEWSQA-free environment variables with <c>__</c>),
/// with <c>--data</c> overriding <c>Data:Path</c>.
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private CliHost(ServiceProvider provider, ServiceStatus status)
    {
        this.provider = provider;
        Status = status;
    }

    public ServiceStatus Status { get; }

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    /// <summary>The configured embedder, or null when running lexical-only.</summary>
    public DenseEncoder? Encoder => provider.GetService<DenseEncoder>();

    /// <param name="allowModelChange">Only `reindex` may run while the stored vectors come from another model.</param>
    public static async Task<CliHost> StartAsync(string? dataPath, CancellationToken cancellationToken, bool allowModelChange = false)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        var settings = new Dictionary<string, string?>();
        if (dataPath is not null)
        {
            settings["Data:Path"] = dataPath;
        }

        var configuration = builder.AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var status = new ServiceStatus();
        services.AddSingleton(status);
        services.AddNewsQaCore();
        services.AddNewsQaStore(configuration, status);
        services.AddNewsQaEmbeddings(configuration, status);
        services.AddNewsQaAnswers(configuration, status);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.ResolveEmbeddings(status);
        if (status.EmbedderProblem is { } problem)
        {
            Console.Error.WriteLine($"warning: {problem}");
        }
        var store = provider.GetRequiredService<INewsStore>();
        await store.InitializeAsync(cancellationToken);
        var stored = (await store.GetStatisticsAsync(cancellationToken)).EmbeddingModel;
        if (!allowModelChange && provider.GetService<DenseEncoder>() is { } encoder && stored is not null && stored != encoder.Profile.ModelId)
        {
            await provider.DisposeAsync();
            throw new EmbeddingModelMismatchException(stored, encoder.Profile.ModelId);
        }

        return new CliHost(provider, status);
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
