using NewsQA.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Search.Embedding;
using NewsQA.Embeddings.Onnx.Models;

namespace NewsQA.Embeddings.Onnx.Tests;

public sealed class OnnxEmbeddingServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempFolder _emptyModels = new("newsqa-empty-models-");

    public void Dispose() => _emptyModels.Dispose();

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddOnnxEmbeddings(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task ConfiguredModelPath_RegistersGeneratorProfileAndEmbedder()
    {
        using var services = Build(new() { ["Embeddings:Model"] = TinyModels.Xlmr, ["Embeddings:BatchSize"] = "4", ["Embeddings:IntraOpThreads"] = "1" });

        var status = services.GetRequiredService<EmbeddingStatus>();
        var profile = services.GetRequiredService<EmbeddingProfile>();
        var encoder = services.GetRequiredService<QueryAndPassageEmbedder>();
        var query = await encoder.EmbedQueryAsync("Wer ist Kanzler?", TestContext.Current.CancellationToken);

        Assert.True(status.Available, status.Message);
        Assert.Equal("tiny-xlmr", status.ModelId);
        Assert.Equal(new EmbeddingProfile("tiny-xlmr", TinyModels.Hidden, "query: ", "passage: "), profile);
        Assert.Same(services.GetRequiredService<OnnxEmbeddingGenerator>(), services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Equal(TinyModels.Hidden, query.Length);
    }

    [Fact]
    public void ModelNamedUnderModelsPath_IsFound()
    {
        using var services = Build(new() { ["Embeddings:Model"] = "bert", ["Embeddings:ModelsPath"] = TinyModels.Root });

        Assert.True(services.GetRequiredService<EmbeddingStatus>().Available);
        Assert.Equal("tiny-bert", services.GetRequiredService<EmbeddingProfile>().ModelId);
    }

    [Fact]
    public void NoModel_RegistersOnlyALexicalOnlyStatus()
    {
        using var services = Build(new() { ["Embeddings:ModelsPath"] = _emptyModels });

        var status = services.GetRequiredService<EmbeddingStatus>();

        Assert.False(status.Available);
        Assert.StartsWith("lexical-only: no embedding model at ", status.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_emptyModels, OnnxEmbeddingOptions.DefaultModel), status.Message, StringComparison.Ordinal);
        Assert.Null(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Null(services.GetService<EmbeddingProfile>());
        Assert.False(services.GetRequiredService<QueryAndPassageEmbedder>().IsAvailable);
        Assert.NotNull(services.GetService<ModelDownloader>());
    }
}
