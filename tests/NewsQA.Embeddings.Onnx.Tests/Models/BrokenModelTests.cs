using NewsQA.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Search.Embedding;

namespace NewsQA.Embeddings.Onnx.Tests.Models;

/// <summary>A damaged model.onnx or a manifest whose dimensions lie is reported (lexical-only), never a crash or wrong vectors.</summary>
public sealed class BrokenModelTests : IDisposable
{
    private readonly TempFolder folder = new("newsqa-broken-model-");

    public BrokenModelTests()
    {
        foreach (var file in Directory.GetFiles(TinyModels.Bert))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => folder.Dispose();

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Embeddings:Model"] = folder }).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddOnnxEmbeddings(configuration).BuildServiceProvider();
    }

    [Fact]
    public void ManifestDimensionsThatDifferFromTheModelAreReported()
    {
        var manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"dimensions\": 16", "\"dimensions\": 17", StringComparison.Ordinal));
        using var services = Build();

        var status = services.GetRequiredService<EmbeddingStatus>();

        Assert.False(status.Available);
        Assert.Contains("17 dimensions", status.Message, StringComparison.Ordinal);
        Assert.False(services.GetService<QueryAndPassageEmbedder>() is { IsAvailable: true }, "a damaged model must leave no usable encoder");
    }

    [Fact]
    public void DamagedModelFileIsReported()
    {
        File.WriteAllText(Path.Combine(folder, "model.onnx"), "kein Modell");
        using var services = Build();

        var status = services.GetRequiredService<EmbeddingStatus>();

        Assert.False(status.Available);
        Assert.Contains("model.onnx", status.Message, StringComparison.Ordinal);
        Assert.False(services.GetService<QueryAndPassageEmbedder>() is { IsAvailable: true }, "a damaged model must leave no usable encoder");
    }
}
