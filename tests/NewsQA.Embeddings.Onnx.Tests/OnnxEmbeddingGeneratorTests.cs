using Microsoft.Extensions.AI;
using NewsQA.Embeddings.Onnx.Models;

namespace NewsQA.Embeddings.Onnx.Tests;

public sealed class OnnxEmbeddingGeneratorTests
{
    private const double Tolerance = 1e-5;

    private static readonly string[] Texts =
    [
        "Die Regierung in Berlin.",
        "Wer ist Kanzler?",
        "Bundestagswahlen",
        "Die neue Stadt heute und die Regierung in Berlin heute",
        "in",
    ];

    private static OnnxEmbeddingGenerator Create(string folder, int batchSize = 32, PoolingMode? pooling = null)
    {
        var model = ModelFolder.Load(folder);
        var options = new OnnxEmbeddingOptions { BatchSize = batchSize, IntraOpThreads = 1 };
        return pooling is null
            ? new OnnxEmbeddingGenerator(model, options)
            : new OnnxEmbeddingGenerator(model.ModelPath, model.CreateTokenizer(), model.Manifest.Id, pooling.Value, options);
    }

    private static async Task<float[]> EmbedAsync(OnnxEmbeddingGenerator generator, string text) =>
        (await generator.GenerateAsync([text], cancellationToken: TestContext.Current.CancellationToken))[0].Vector.ToArray();

    [Theory]
    [InlineData("bert", true)]
    [InlineData("xlmr", false)]
    public async Task MeanPooling_MatchesHandComputedUnitVector(string model, bool withTokenTypes)
    {
        var folder = Path.Combine(TinyModels.Root, model);
        using var generator = Create(folder);
        var ids = ModelFolder.Load(folder).CreateTokenizer().Encode(Texts[0]);

        var actual = await EmbedAsync(generator, Texts[0]);

        var expected = TinyEncoderByHand.MeanPooledUnitVector(ids, withTokenTypes);
        Assert.Equal(expected.Length, actual.Length);
        for (var h = 0; h < expected.Length; h++)
        {
            Assert.Equal(expected[h], actual[h], Tolerance);
        }
    }

    [Fact]
    public async Task ClsPooling_MatchesHandComputedFirstToken()
    {
        using var generator = Create(TinyModels.Bert, pooling: PoolingMode.Cls);
        var ids = ModelFolder.Load(TinyModels.Bert).CreateTokenizer().Encode(Texts[1]);

        var actual = await EmbedAsync(generator, Texts[1]);

        var expected = TinyEncoderByHand.ClsUnitVector(ids, withTokenTypes: true);
        for (var h = 0; h < expected.Length; h++)
        {
            Assert.Equal(expected[h], actual[h], Tolerance);
        }
    }

    [Fact]
    public async Task Vectors_HaveUnitLength()
    {
        using var generator = Create(TinyModels.Xlmr);

        var embeddings = await generator.GenerateAsync(Texts, cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(embeddings, e => Assert.Equal(1.0, Math.Sqrt(e.Vector.ToArray().Sum(x => (double)x * x)), Tolerance));
    }

    [Theory]
    [InlineData("bert", 1)]
    [InlineData("bert", 2)]
    [InlineData("xlmr", 3)]
    [InlineData("xlmr", 32)]
    public async Task TextVector_IsTheSameAloneOrInAnyBatch(string model, int batchSize)
    {
        var folder = Path.Combine(TinyModels.Root, model);
        using var generator = Create(folder, batchSize);
        var ct = TestContext.Current.CancellationToken;
        var alone = new List<float[]>();
        foreach (var text in Texts)
        {
            alone.Add(await EmbedAsync(generator, text));
        }

        // Reversed, so texts land in other batches next to other (longer or shorter) texts and get other padding.
        var reversed = Texts.Reverse().ToArray();
        var together = await generator.GenerateAsync(reversed, cancellationToken: ct);

        for (var i = 0; i < reversed.Length; i++)
        {
            var expected = alone[Texts.Length - 1 - i];
            var actual = together[i].Vector.ToArray();
            for (var h = 0; h < expected.Length; h++)
            {
                Assert.Equal(expected[h], actual[h], 1e-6);
            }
        }
    }

    [Fact]
    public async Task ParallelCalls_AreSafeAndAgree()
    {
        using var generator = Create(TinyModels.Xlmr, batchSize: 2);
        var ct = TestContext.Current.CancellationToken;
        var sequential = await generator.GenerateAsync(Texts, cancellationToken: ct);

        var parallel = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(() => generator.GenerateAsync(Texts, cancellationToken: ct), ct)));

        foreach (var run in parallel)
        {
            for (var i = 0; i < Texts.Length; i++)
            {
                Assert.Equal(sequential[i].Vector.ToArray(), run[i].Vector.ToArray());
            }
        }
    }

    [Fact]
    public async Task LongText_IsTruncatedToMaxTokens_AndStillEmbeds()
    {
        using var generator = Create(TinyModels.Bert);
        var longText = string.Join(' ', Enumerable.Repeat("die Regierung in Berlin", 50));

        var embeddings = await generator.GenerateAsync([longText], cancellationToken: TestContext.Current.CancellationToken);

        // The tiny model's position table has MaxTokens rows, so a longer input would fail inside ONNX Runtime.
        Assert.Equal(TinyModels.MaxTokens, embeddings.Usage!.InputTokenCount);
        Assert.Equal(TinyModels.Hidden, embeddings[0].Vector.Length);
    }

    [Fact]
    public void Metadata_NamesModelAndDimensions()
    {
        using var generator = Create(TinyModels.Xlmr);

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("tiny-xlmr", metadata.DefaultModelId);
        Assert.Equal(TinyModels.Hidden, metadata.DefaultModelDimensions);
        Assert.Same(generator, generator.GetService<OnnxEmbeddingGenerator>());
    }

    [Fact]
    public void Dimensions_AreReadFromTheGraph_WhenNoManifestSaysSo()
    {
        var model = ModelFolder.Load(TinyModels.Bert);

        using var generator = new OnnxEmbeddingGenerator(model.ModelPath, model.CreateTokenizer(), "x", PoolingMode.Mean, new OnnxEmbeddingOptions());

        Assert.Equal(TinyModels.Hidden, generator.Dimensions);
    }
}
