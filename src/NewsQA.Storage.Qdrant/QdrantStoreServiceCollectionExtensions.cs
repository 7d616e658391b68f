using NewsQA.Core.Configuration;
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
    /// Registers <see cref="QdrantNewsStore"/>'s four store contracts (its vector index also as <see cref="IServerSideHybridSearch"/>),
    /// talking gRPC to the server named by <c>Store:Qdrant:Url</c> through the official client inside a resilience pipeline.
    /// </summary>
    public static IServiceCollection AddQdrantStore(this IServiceCollection services)
    {
        services.AddSectionOptions<FusionOptions>();
        services.AddSectionOptions<QdrantStoreOptions>();
        services.AddSingleton<IValidateOptions<QdrantStoreOptions>, QdrantStoreOptionsValidator>();

        services.AddResiliencePipeline(QdrantResilience.PipelineName, (builder, context) =>
        {
            builder.ConfigureTelemetry(QdrantResilience.QuietTelemetry(context.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value));
            QdrantResilience.Build(builder, context.ServiceProvider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value);
        });
        services.AddResilienceEnricher();

        services.AddSingleton<QdrantCalls>();
        services.AddSingleton<QdrantNewsStore>();
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<QdrantNewsStore>().Documents);
        services.AddSingleton<ILexicalIndex>(sp => sp.GetRequiredService<QdrantNewsStore>().Lexical);
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<QdrantNewsStore>().Vectors);
        services.AddSingleton<IServerSideHybridSearch>(sp => sp.GetRequiredService<QdrantNewsStore>().HybridSearch);
        services.AddSingleton<IEmbeddingModelRecord>(sp => sp.GetRequiredService<QdrantNewsStore>().EmbeddingModel);
        services.AddSingleton<ICollectionRegistry>(sp => sp.GetRequiredService<QdrantNewsStore>().Collections);
        services.AddSingleton(sp => sp.GetRequiredService<QdrantNewsStore>().Stories);
        return services;
    }
}
