using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Embeddings.Onnx;
using NewsQA.Hosting.Models;
using NewsQA.Hosting.Startup;

namespace NewsQA.Hosting.Selection;

/// <summary>
/// Registers the ONNX embedding model named by <c>Embeddings:Model</c> (default: multilingual-e5-small when pulled).
/// Without model files the service runs lexical-only; an explicitly configured model that is missing is a
/// failure readiness reports, because the operator asked for dense search and is not getting it.
/// </summary>
public static class EmbeddingSelection
{
    public static IServiceCollection AddNewsQaEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOnnxEmbeddings(configuration);
        // Empty means unset, as in OnnxEmbeddingOptions.Model (compose passes "" for an unset variable).
        var model = configuration[$"{OnnxEmbeddingOptions.Section}:Model"];
        services.AddSingleton(new EmbedderState(string.IsNullOrWhiteSpace(model) ? null : model));
        // A model can also arrive while the service runs (fetched, dropped in, pulled): see Models/.
        services.AddOptions<ModelSwitchOptions>().Bind(configuration.GetSection(OnnxEmbeddingOptions.Section));
        services.AddSingleton<EmbeddingBackfill>();
        services.AddSingleton<ModelSwitch>();
        return services;
    }
}
