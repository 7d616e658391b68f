using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Core.Chunking;
using NewsQA.Core.Embedding;
using NewsQA.Embeddings.Onnx.Tokenization;
using NewsQA.Embeddings.Onnx.Models;

namespace NewsQA.Embeddings.Onnx;

public static class OnnxEmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmbeddingStatus"/>, <see cref="ModelCatalog"/>, <see cref="ModelDownloader"/> and, when the model named by
    /// <c>Embeddings:Model</c> (default: <see cref="OnnxEmbeddingOptions.DefaultModel"/>) is on disk, the
    /// <see cref="OnnxEmbeddingGenerator"/> as <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c>, its
    /// <see cref="EmbeddingProfile"/> and Core's <see cref="DenseEncoder"/>, all singletons. Otherwise none of the
    /// three is registered, and the status says why.
    /// </summary>
    public static IServiceCollection AddOnnxEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(OnnxEmbeddingOptions.Section);
        services.AddOptions<OnnxEmbeddingOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();

        // Which services exist must be decided now, while registering, so the files are looked at here once.
        var options = section.Get<OnnxEmbeddingOptions>() ?? new OnnxEmbeddingOptions();
        var catalog = new ModelCatalog(options.ModelsPath);
        services.AddSingleton(catalog);
        // Model files are 100+ MB: HttpClient's default 100 s timeout would cut a pull short on a slow line.
        services.AddHttpClient<ModelDownloader>(client => client.Timeout = Timeout.InfiniteTimeSpan);

        var modelPath = catalog.Locate(options.Model ?? OnnxEmbeddingOptions.DefaultModel);
        if (!ModelFolder.TryLoad(modelPath, out var folder, out var problem))
        {
            var hint = options.Model is null
                ? $"; run `newsqa models pull` or set {OnnxEmbeddingOptions.Section}:Model"
                : $" ({OnnxEmbeddingOptions.Section}:Model = {options.Model})";
            services.AddSingleton(EmbeddingStatus.LexicalOnly(problem + hint, modelPath));
            return services;
        }

        var model = folder!;
        services.AddSingleton(model);
        services.AddSingleton(sp => new OnnxEmbeddingGenerator(model, sp.GetRequiredService<IOptions<OnnxEmbeddingOptions>>().Value));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<OnnxEmbeddingGenerator>());
        services.AddSingleton(sp =>
        {
            var generator = sp.GetRequiredService<OnnxEmbeddingGenerator>();
            return new EmbeddingProfile(generator.ModelId, generator.Dimensions, model.Manifest.QueryPrefix, model.Manifest.PassagePrefix);
        });
        services.AddSingleton<DenseEncoder>();
        services.AddSingleton<IPassageWindow>(_ => new TokenizerPassageWindow(model.CreateTokenizer(), model.Manifest.PassagePrefix));
        services.AddSingleton(sp =>
        {
            var profile = sp.GetRequiredService<EmbeddingProfile>();
            return EmbeddingStatus.Ready(profile.ModelId, model.Directory, profile.Dimensions);
        });
        return services;
    }
}
