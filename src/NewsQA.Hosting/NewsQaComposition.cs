using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core;
using NewsQA.Hosting.Calibration;
using NewsQA.Hosting.Health;
using NewsQA.Hosting.ModelLifecycle;
using NewsQA.Hosting.Selection;
using NewsQA.Hosting.Startup;

namespace NewsQA.Hosting;

/// <summary>The one composition root: the API, the CLI, the tests and a Semantic Kernel host all start here.</summary>
public static class NewsQaComposition
{
    /// <summary>
    /// Core's pipeline, the store of <c>Store:Provider</c>, the embedder of <c>Embeddings:Model</c>, the answerer
    /// (generative when <c>Llm:Endpoint</c> is set), readiness health checks and the start-up runner
    /// (<see cref="NewsQaStartup"/>, which the host runs once before serving).
    /// </summary>
    public static IServiceCollection AddNewsQa(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNewsQaCore();
        services.AddNewsQaStore(configuration);
        services.AddNewsQaEmbeddings(configuration);
        services.AddNewsQaAnswers(configuration);
        services.AddNewsQaCalibration(configuration);
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.Section));
        services.AddSingleton<NewsQaStartup>();
        services.AddSingleton<ChunkingCheck>();
        services.AddSingleton<StoreStartupRetry>();
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>(HealthChecks.Store, tags: [HealthChecks.Ready])
            .AddCheck<EmbedderHealthCheck>(HealthChecks.Embedder, tags: [HealthChecks.Ready])
            .AddCheck<LlmHealthCheck>(HealthChecks.Llm, tags: [HealthChecks.Ready]);
        return services;
    }
}
