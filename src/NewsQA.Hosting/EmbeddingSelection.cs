using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Chunking;
using NewsQA.Embeddings.Onnx;
using NewsQA.Embeddings.Onnx.Models;

namespace NewsQA.Hosting;

/// <summary>
/// Registers the ONNX embedding model named by <c>Embeddings:Model</c> (default: multilingual-e5-small when pulled).
/// Without model files the service runs lexical-only; an explicitly configured model that is missing is a
/// failure readiness reports, because the operator asked for dense search and is not getting it.
/// </summary>
public static class EmbeddingSelection
{
    public static IServiceCollection AddNewsQaEmbeddings(this IServiceCollection services, IConfiguration configuration, ServiceStatus status)
    {
        services.AddOnnxEmbeddings(configuration);
        services.AddOptions<ChunkingOptions>().PostConfigure<IServiceProvider>((chunking, sp) =>
        {
            if (sp.GetService<ModelFolder>() is { } model)
            {
                FitToWindow(chunking, model.Manifest.MaxTokens);
            }
        });
        status.EmbeddingMessage = "lexical-only: no embedding model";
        status.ExplicitModel = configuration["Embeddings:Model"];
        return services;
    }

    /// <summary>
    /// A chunk longer than the model's window would be embedded truncated, its end invisible to dense search.
    /// German runs at roughly four characters per XLM-R or BERT token; three keeps a margin for numbers and names.
    /// </summary>
    internal static void FitToWindow(ChunkingOptions chunking, int maxTokens)
    {
        const int charsPerToken = 3;
        const int floor = 200;
        var limit = Math.Max(floor, maxTokens * charsPerToken);
        if (chunking.MaxChars > limit)
        {
            chunking.MaxChars = limit;
            chunking.TargetChars = Math.Min(chunking.TargetChars, Math.Max(floor / 2, limit / 2));
            chunking.MinCharsBeforeParagraphBreak = Math.Min(chunking.MinCharsBeforeParagraphBreak, chunking.TargetChars);
        }
    }

    /// <summary>Loads the model (so the first request does not pay for it) and records the outcome in <paramref name="status"/>.</summary>
    public static void ResolveEmbeddings(this IServiceProvider services, ServiceStatus status)
    {
        EmbeddingStatus embeddings;
        try
        {
            embeddings = services.GetRequiredService<EmbeddingStatus>();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            status.EmbedderProblem = $"The embedding model failed to load: {ex.Message}";
            status.EmbeddingMessage = status.EmbedderProblem;
            return;
        }

        status.EmbeddingMessage = embeddings.Message;
        status.EmbeddingModel = embeddings.Available ? embeddings.ModelId : null;
        if (!embeddings.Available && !string.IsNullOrWhiteSpace(status.ExplicitModel))
        {
            status.EmbedderProblem = $"Embeddings:Model is '{status.ExplicitModel}' but it cannot be used: {embeddings.Message}";
        }
    }
}
