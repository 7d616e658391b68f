using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsQA.Hosting;

/// <summary>Registers the embedding model named by <c>Embeddings:Model</c>, or leaves the service lexical-only.</summary>
public static class EmbeddingSelection
{
    public static IServiceCollection AddNewsQaEmbeddings(this IServiceCollection services, IConfiguration configuration, ServiceStatus status)
    {
        var model = configuration["Embeddings:Model"];
        if (!string.IsNullOrWhiteSpace(model))
        {
            status.EmbeddingMessage = $"lexical-only: embedding model '{model}' is configured but ONNX embeddings are not built into this version.";
        }

        return services;
    }
}
