using NewsQA.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Search.Embedding;
using NewsQA.Embeddings.Onnx;

namespace NewsQA.Hosting.ModelLifecycle;

/// <summary>
/// Registers the ONNX embedding model named by <c>Embeddings:Model</c> (default: multilingual-e5-small when pulled)
/// and its lifecycle. Without model files the service runs lexical-only; an explicitly configured model that is
/// missing is a failure readiness reports, because the operator asked for dense search and is not getting it.
/// </summary>
public static class EmbeddingSelection
{
    public static IServiceCollection AddNewsQaEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOnnxEmbeddings(configuration);
        // Empty means unset, as in OnnxEmbeddingOptions.Model (compose passes "" for an unset variable).
        var model = configuration[$"{OnnxEmbeddingOptions.Section}:Model"];
        services.AddSingleton(sp => new EmbeddingModelState(sp.GetRequiredService<QueryAndPassageEmbedder>(), string.IsNullOrWhiteSpace(model) ? null : model));
        // A model can also arrive while the service runs (fetched, dropped in, pulled).
        services.AddSectionOptions<ModelLifecycleOptions>();
        services.AddSingleton<EmbeddingBackfill>();
        services.AddSingleton<ModelFetcher>();
        services.AddSingleton<ModelAttacher>();
        services.AddSingleton<ModelActivation>();
        return services;
    }
}
