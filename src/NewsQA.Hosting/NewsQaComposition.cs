using NewsQA.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core;
using NewsQA.Hosting.Calibration;
using NewsQA.Hosting.Feeds;
using NewsQA.Hosting.Health;
using NewsQA.Hosting.ModelLifecycle;
using NewsQA.Hosting.Selection;
using NewsQA.Hosting.Startup;

namespace NewsQA.Hosting;

/// <summary>The one composition root: the API, the CLI, the tests and a Semantic Kernel host all start here.</summary>
public static class NewsQaComposition
{
    /// <summary>
    /// Core's pipeline, the store of <c>Store:Provider</c>, the embedding model of <c>Embeddings:Model</c> and its
    /// lifecycle, the answerer (generative when <c>Llm:Endpoint</c> is set), readiness health checks and the start-up
    /// path (<see cref="NewsQaStartup"/>, which every host runs once before it serves).
    /// </summary>
    public static IServiceCollection AddNewsQa(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNewsQaCore();
        services.AddNewsQaStore(configuration);
        services.AddNewsQaEmbeddings(configuration);
        services.AddNewsQaAnswers(configuration);
        services.AddNewsQaCalibration(configuration);
        services.AddSectionOptions<SeedOptions>();
        services.AddNewsQaFeeds();
        services.AddSingleton<NewsQaStartup>();
        services.AddSingleton<SeedIngestion>();
        services.AddSingleton<ChunkingCheck>();
        services.AddSingleton<StoreStartupRetry>();
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>(HealthChecks.Store, tags: [HealthChecks.Ready])
            .AddCheck<EmbedderHealthCheck>(HealthChecks.Embedder, tags: [HealthChecks.Ready])
            .AddCheck<LlmHealthCheck>(HealthChecks.Llm, tags: [HealthChecks.Ready]);
        return services;
    }

    /// <summary>
    /// The start-up of a long-running host: <see cref="NewsQaStartupService"/> runs the start-up path before the host
    /// serves, telling <typeparamref name="TReporter"/> what it found; then <see cref="ModelActivationService"/> (after
    /// it, so the seeds are in) fetches a missing model and switches to hybrid once the store is embedded;
    /// <see cref="FeedService"/> follows <c>Feeds:Sources</c>.
    /// </summary>
    public static IServiceCollection AddNewsQaHostedStartup<TReporter>(this IServiceCollection services)
        where TReporter : class, IStartupReporter
    {
        services.AddSingleton<IStartupReporter, TReporter>();
        services.AddHostedService<NewsQaStartupService>();
        services.AddHostedService<ModelActivationService>();
        services.AddHostedService<FeedService>();
        return services;
    }
}
