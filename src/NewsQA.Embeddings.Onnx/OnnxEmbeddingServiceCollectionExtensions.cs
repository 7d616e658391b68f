using NewsQA.Core.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Embedding;
using NewsQA.Embeddings.Onnx.Models;

namespace NewsQA.Embeddings.Onnx;

public static class OnnxEmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmbeddingStatus"/>, <see cref="ModelCatalog"/>, <see cref="ModelDownloader"/>, Core's
    /// <see cref="QueryAndPassageEmbedder"/> and, when the model named by <c>Embeddings:Model</c> (default:
    /// <see cref="OnnxEmbeddingOptions.DefaultModel"/>) is on disk, the <see cref="OnnxEmbeddingGenerator"/> as
    /// <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> and its <see cref="EmbeddingProfile"/>, all
    /// singletons. Without the model the embedder starts empty (a model can be attached later, see
    /// <see cref="OnnxModelLoader"/>) and the status says why.
    /// </summary>
    public static IServiceCollection AddOnnxEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(OnnxEmbeddingOptions.Section);
        services.AddSectionOptions<OnnxEmbeddingOptions>();

        // Which services exist must be decided now, while registering, so the files are looked at here once.
        var options = section.Get<OnnxEmbeddingOptions>() ?? new OnnxEmbeddingOptions();
        var catalog = new ModelCatalog(options.ModelsPath);
        services.AddSingleton(catalog);
        // Model files are 100+ MB: HttpClient's default 100 s timeout would cut a pull short on a slow line.
        services.AddHttpClient<ModelDownloader>(client => client.Timeout = Timeout.InfiniteTimeSpan);

        services.AddSingleton(sp => new QueryVectorCache(sp.GetRequiredService<IOptions<OnnxEmbeddingOptions>>().Value.QueryCacheSize));
        var modelPath = catalog.Locate(options.Model ?? OnnxEmbeddingOptions.DefaultModel);
        if (!ModelFolder.TryLoad(modelPath, out var folder, out var problem))
        {
            var hint = options.Model is null
                ? $"; run `newsqa models pull` or set {OnnxEmbeddingOptions.Section}:Model"
                : $" ({OnnxEmbeddingOptions.Section}:Model = {options.Model})";
            services.AddSingleton(EmbeddingStatus.LexicalOnly(problem + hint, modelPath));
            services.AddSingleton(sp => new QueryAndPassageEmbedder { QueryCache = sp.GetRequiredService<QueryVectorCache>() });
            return services;
        }

        var model = folder!;
        services.AddSingleton(model);
        services.AddSingleton(sp => new OnnxEmbeddingGenerator(model, sp.GetRequiredService<IOptions<OnnxEmbeddingOptions>>().Value));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<OnnxEmbeddingGenerator>());
        services.AddSingleton(sp => OnnxModelLoader.ProfileOf(sp.GetRequiredService<OnnxEmbeddingGenerator>(), model));
        // A damaged model.onnx only shows when ONNX Runtime opens it: the status says so (readiness 503 naming the
        // model) and the embedder stays without a model (not available), so search runs lexical instead of crashing.
        services.AddSingleton(sp => sp.GetRequiredService<EmbeddingStatus>().Available
            ? new QueryAndPassageEmbedder(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), sp.GetRequiredService<EmbeddingProfile>(), OnnxModelLoader.WindowOf(model))
            {
                QueryCache = sp.GetRequiredService<QueryVectorCache>(),
            }
            : new QueryAndPassageEmbedder());
        services.AddSingleton(sp =>
        {
            try
            {
                var profile = sp.GetRequiredService<EmbeddingProfile>();
                return EmbeddingStatus.Ready(profile.ModelId, model.Directory, profile.Dimensions);
            }
            catch (InvalidDataException mismatch)
            {
                return EmbeddingStatus.LexicalOnly(mismatch.Message, model.Directory);
            }
            catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                return EmbeddingStatus.LexicalOnly($"the model.onnx of '{model.Manifest.Id}' cannot be loaded by ONNX Runtime: it is damaged or not an ONNX model", model.Directory);
            }
        });
        return services;
    }
}
