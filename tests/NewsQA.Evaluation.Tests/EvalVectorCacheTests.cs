using NewsQA.Testing;
using Microsoft.Extensions.AI;
using NewsQA.Testing.Fakes;

namespace NewsQA.Evaluation.Tests;

public sealed class EvalVectorCacheTests : IDisposable
{
    private readonly TempFolder folder = new("newsqa-vector-cache-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task AHitInALaterProcess_ReturnsTheVectorsTheModelGave_WithoutTheModel()
    {
        string[] texts = ["Die Bahn streikt.", "Brüssel", "Die Bahn streikt."];
        var model = new CountingEmbedder();
        float[][] first;
        using (var cache = new EvalVectorCache(model, folder, "m"))
        {
            first = await VectorsAsync(cache, texts);
            Assert.Equal(2, model.Embedded); // the repeated text is embedded once
        }

        var offline = new CountingEmbedder { Failing = true };
        using var later = new EvalVectorCache(offline, folder, "m");
        var second = await VectorsAsync(later, texts);

        Assert.Equal(0, offline.Embedded);
        Assert.Equal(3, later.Hits);
        Assert.Equal(first, second);
        Assert.Equal(await VectorsAsync(new FakeEmbedder(), texts), second);
    }

    [Fact]
    public async Task AnotherModelId_Misses()
    {
        using (var cache = new EvalVectorCache(new CountingEmbedder(), folder, "all-MiniLM-L6-v2"))
        {
            await VectorsAsync(cache, ["Wahl"]);
        }

        var other = new CountingEmbedder();
        using var int8 = new EvalVectorCache(other, folder, "all-MiniLM-L6-v2-int8");
        await VectorsAsync(int8, ["Wahl"]);

        Assert.Equal(1, other.Embedded);
        Assert.Equal(0, int8.Hits);
    }

    [Fact]
    public async Task ARecordCutShort_IsEmbeddedAgain_TheWholeOnesAreKept()
    {
        using (var cache = new EvalVectorCache(new CountingEmbedder(), folder, "m"))
        {
            await VectorsAsync(cache, ["eins"]);
            await VectorsAsync(cache, ["zwei"]);
        }

        // A run killed while writing its second record.
        var file = Directory.EnumerateFiles(folder, "*.vec", SearchOption.AllDirectories).Single();
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(stream.Length - 5);
        }

        var model = new CountingEmbedder();
        using var later = new EvalVectorCache(model, folder, "m");
        await VectorsAsync(later, ["eins", "zwei"]);

        Assert.Equal(1, later.Hits);
        Assert.Equal(1, model.Embedded);
    }

    private static async Task<float[][]> VectorsAsync(IEmbeddingGenerator<string, Embedding<float>> generator, string[] texts) =>
        (await generator.GenerateAsync(texts, cancellationToken: Ct)).Select(e => e.Vector.ToArray()).ToArray();

    /// <summary>The fake embedder's vectors, counting the texts it was given.</summary>
    private sealed class CountingEmbedder : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly FakeEmbedder inner = new();

        public int Embedded { get; private set; }

        public bool Failing { get; init; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Embedded += list.Count;
            return Failing ? throw new InvalidOperationException("the model is not there") : inner.GenerateAsync(list, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
