using NewsQA.Core.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using NewsQA.Core.Search.Embedding;
using NewsQA.Evaluation;
using NewsQA.Hosting;
using NewsQA.Hosting.Configuration;
using NewsQA.Hosting.Startup;

namespace NewsQA.Cli;

/// <summary>
/// The CLI's services: the same configuration keys, store and embedder as the API
/// (appsettings.json in the working directory, NEWSQA-free environment variables with <c>__</c>),
/// with <c>--data</c> overriding <c>Data:Path</c>.
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private CliHost(ServiceProvider provider, StartupReport report)
    {
        this.provider = provider;
        Report = report;
    }

    /// <summary>What the start-up checks found (embedder message, store statistics).</summary>
    public StartupReport Report { get; }

    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    /// <summary>A service the configured store may not have (null when it has not).</summary>
    public T? Find<T>() where T : class => provider.GetService<T>();

    /// <summary>The embedder with its model attached, or null when running lexical-only.</summary>
    public QueryAndPassageEmbedder? Embedder => provider.GetService<QueryAndPassageEmbedder>() is { IsAvailable: true } embedder ? embedder : null;

    /// <param name="allowModelChange">Only `reindex` may run while the stored vectors come from another model.</param>
    /// <param name="overrides">Keys set on top of configuration (eval --calibrate asks with Answer:MinConfidence 0).</param>
    /// <param name="vectorCache">eval --vector-cache: a folder of vectors (<see cref="EvalVectorCache"/>) the model's output is kept in and read from.</param>
    public static async Task<CliHost> StartAsync(string? dataPath, CancellationToken cancellationToken, bool allowModelChange = false, IReadOnlyDictionary<string, string?>? overrides = null, string? vectorCache = null)
    {
        var configuration = Configuration(dataPath);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        // The same start-up check as the API: one line per mistaken key (Program.cs prints them), nothing built yet.
        NewsQaConfigurationRules.Common().Enforce(configuration);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // Every log line goes to stderr: stdout is the command's output, and `--json` output must parse whatever is logged.
        services.AddLogging(l => l.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddNewsQa(configuration);
        services.AddNewsQaEvaluation();
        if (vectorCache is not null)
        {
            CacheVectors(services, vectorCache);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            // The API's start-up path under a command's policy: no store or another model's vectors end the command.
            var report = await provider.GetRequiredService<NewsQaStartup>().StartAsync(StartupPolicy.Command(allowModelChange), new CliStartupOutput(), cancellationToken);
            return new CliHost(provider, report);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>Puts <see cref="EvalVectorCache"/> between the embedder and the model, when there is a model.</summary>
    private static void CacheVectors(ServiceCollection services, string directory)
    {
        var model = services.LastOrDefault(d => d.ServiceType == typeof(IEmbeddingGenerator<string, Embedding<float>>));
        if (model?.ImplementationFactory is not { } create)
        {
            return;
        }

        services.Remove(model);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
            new EvalVectorCache((IEmbeddingGenerator<string, Embedding<float>>)create(sp), directory, sp.GetRequiredService<EmbeddingProfile>().ModelId));
    }

    /// <summary>The vector cache in use, or null (no --vector-cache or no model).</summary>
    public EvalVectorCache? VectorCache => provider.GetService<IEmbeddingGenerator<string, Embedding<float>>>() as EvalVectorCache;

    /// <summary>The data directory the API and the CLI's other commands use: <paramref name="dataPath"/> (--data), else <c>Data:Path</c>, else ./data.</summary>
    public static string DataPath(string? dataPath) => DataOptions.PathOf(Configuration(dataPath));

    private static ConfigurationManager Configuration(string? dataPath)
    {
        var configuration = new ConfigurationManager();
        configuration
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (dataPath is not null)
        {
            configuration[DataOptions.PathKey] = dataPath;
        }

        return configuration;
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
