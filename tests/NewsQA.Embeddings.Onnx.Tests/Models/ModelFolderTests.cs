using NewsQA.Testing;
using NewsQA.Embeddings.Onnx.Models;

namespace NewsQA.Embeddings.Onnx.Tests.Models;

public sealed class ModelFolderTests : IDisposable
{
    private readonly TempFolder _directory = new("newsqa-models-");

    public void Dispose() => _directory.Dispose();

    private static string RepositoryModels() => Path.Combine(AppContext.BaseDirectory, "models");

    [Fact]
    public void DefaultModelManifest_CarriesThePublishedFacts()
    {
        var manifest = new ModelCatalog(RepositoryModels()).GetManifest(OnnxEmbeddingOptions.DefaultModel);

        Assert.Equal("multilingual-e5-small", manifest.Id);
        Assert.Equal(384, manifest.Dimensions);
        Assert.Equal(PoolingMode.Mean, manifest.Pooling);
        Assert.Equal(("query: ", "passage: "), (manifest.QueryPrefix, manifest.PassagePrefix));
        Assert.Equal(512, manifest.MaxTokens);
        Assert.Equal(TokenizerKind.SentencePiece, manifest.Tokenizer);
        Assert.Equal("MIT", manifest.Licence);
        // Every file must be downloadable and verifiable: a URL, a size and a 64-hex-digit sha256.
        Assert.All(manifest.Files, f =>
        {
            Assert.NotNull(f.Url);
            Assert.True(f.Size > 0);
            Assert.Matches("^[0-9a-f]{64}$", f.Sha256);
        });
        Assert.Equal(["model.onnx", "sentencepiece.bpe.model"], manifest.Files.Select(f => f.Path));
    }

    [Fact]
    public void TinyFolder_LoadsFromItsManifest()
    {
        var folder = ModelFolder.Load(TinyModels.Xlmr);

        Assert.Equal("tiny-xlmr", folder.Manifest.Id);
        Assert.Equal(TokenizerKind.SentencePiece, folder.Tokenizer);
        Assert.Equal(TinyModels.MaxTokens, folder.CreateTokenizer().MaxTokens);
    }

    [Fact]
    public void FolderWithoutManifest_IsInferredFromItsFiles()
    {
        var folder = Path.Combine(_directory, "my-e5-copy");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(TinyModels.Xlmr, "model.onnx"), Path.Combine(folder, "model.onnx"));
        File.Copy(Path.Combine(TinyModels.Xlmr, "sentencepiece.bpe.model"), Path.Combine(folder, "sentencepiece.bpe.model"));

        var model = ModelFolder.Load(folder);

        Assert.Equal("my-e5-copy", model.Manifest.Id);
        Assert.Equal(TokenizerKind.SentencePiece, model.Tokenizer);
        Assert.Equal(ModelFolder.DefaultMaxTokens, model.Manifest.MaxTokens);
        Assert.Null(model.Manifest.Dimensions);
        Assert.Equal("query: ", model.Manifest.QueryPrefix);
    }

    [Fact]
    public void FolderWithManifestButNoModelFile_ExplainsWhatIsMissing()
    {
        var folder = Path.Combine(_directory, "pending");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(TinyModels.Bert, ModelManifest.FileName), Path.Combine(folder, ModelManifest.FileName));

        var loaded = ModelFolder.TryLoad(folder, out var model, out var problem);

        Assert.False(loaded);
        Assert.Null(model);
        Assert.Contains(folder, problem, StringComparison.Ordinal);
        Assert.Contains("model.onnx is missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenManifest_IsReportedWithItsPath()
    {
        File.WriteAllText(Path.Combine(_directory, ModelManifest.FileName), "{ not json");

        Assert.False(ModelFolder.TryLoad(_directory, out _, out var problem));
        Assert.Contains(ModelManifest.FileName, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_TellsNamesFromPaths()
    {
        var catalog = new ModelCatalog(_directory);

        Assert.Equal(Path.Combine(_directory, "multilingual-e5-small"), catalog.Locate("multilingual-e5-small"));
        Assert.Equal(TinyModels.Bert, catalog.Locate(TinyModels.Bert));
        Assert.Equal(Path.GetFullPath("./some/model"), catalog.Locate("./some/model"));
    }

    [Fact]
    public void Catalog_ListsModelsWithManifests_AndNamesThemWhenOneIsUnknown()
    {
        var catalog = new ModelCatalog(TinyModels.Root);

        Assert.Equal(["bert", "xlmr"], catalog.Names());
        var ex = Assert.Throws<FileNotFoundException>(() => catalog.GetManifest("nope"));
        Assert.Contains("bert, xlmr", ex.Message, StringComparison.Ordinal);
    }
}
