using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Storage;
using Polly;
using Polly.Telemetry;

namespace NewsQA.Storage.Qdrant;

public static class QdrantStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="QdrantNewsStore"/> as the <see cref="INewsStore"/> (and <see cref="IServerSideHybridSearch"/>),
    /// talking gRPC to the server named by <c>Store:Qdrant:Url</c> through the official client inside a resilience pipeline.
    /// </summary>
    public static IServiceCollection AddQdrantStore(this IServiceCollection services)
    {
        services.AddFusionOptions();
        services.AddOptions<QdrantStoreOptions>().BindConfiguration(QdrantStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<QdrantStoreOptions>, QdrantStoreOptionsValidator>();

        services.AddResiliencePipeline(QdrantResilience.PipelineName, (builder, context) =>
        {
            builder.ConfigureTelemetry(QdrantResilience.QuietTelemetry(context.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value));
            QdrantResilience.Build(builder, context.ServiceProvider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value);
        });
        services.AddResilienceEnricher();

        services.AddSingleton<QdrantCalls>();
        services.AddSingleton<QdrantNewsStore>();
        services.AddSingleton<INewsStore>(sp => sp.GetRequiredService<QdrantNewsStore>());
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<QdrantNewsStore>());
        services.AddSingleton<ILexicalIndex>(sp => sp.GetRequiredService<QdrantNewsStore>());
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<QdrantNewsStore>());
        services.AddSingleton<IEmbeddingModelRecord>(sp => sp.GetRequiredService<QdrantNewsStore>());
        services.AddSingleton<IServerSideHybridSearch>(sp => sp.GetRequiredService<QdrantNewsStore>());
        return services;
    }
}
