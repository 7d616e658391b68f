using NewsQA.Core.Search.Embedding;
using NewsQA.Testing.Fakes;

namespace NewsQA.Core.Tests.Search.Embedding;

public sealed class QueryVectorCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ReadOnlyMemory<float> A = new float[] { 1, 0 };
    private static readonly ReadOnlyMemory<float> B = new float[] { 0, 1 };

    [Fact]
    public void Hit_IgnoresSpacingAndUnicodeComposition_ButNotCase()
    {
        var cache = new QueryVectorCache(8);
        cache.Add("m", "Wer hat die Wahl gewonnen?", A);

        // "Wähl" typed with a combining diaeresis (U+0308) is the same text as the precomposed one after NFC.
        Assert.True(cache.TryGet("m", "  Wer hat\tdie  Wahl\ngewonnen? ", out var spaced));
        Assert.Equal(A.ToArray(), spaced.ToArray());
        cache.Add("m", "W\u00e4hler", B);
        Assert.True(cache.TryGet("m", "Wa\u0308hler", out _));
        Assert.False(cache.TryGet("m", "wer hat die wahl gewonnen?", out _));
    }

    [Fact]
    public void Key_IncludesTheModel()
    {
        var cache = new QueryVectorCache(8);
        cache.Add("model-fp32", "Wahl", A);
        Assert.False(cache.TryGet("model-int8", "Wahl", out _));
    }

    [Fact]
    public void Full_DropsTheLeastRecentlyUsed()
    {
        var cache = new QueryVectorCache(2);
        cache.Add("m", "one", A);
        cache.Add("m", "two", B);
        Assert.True(cache.TryGet("m", "one", out _)); // "two" is now the least recently used
        cache.Add("m", "three", A);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("m", "one", out _));
        Assert.False(cache.TryGet("m", "two", out _));
        Assert.True(cache.TryGet("m", "three", out _));
    }

    [Fact]
    public void CapacityZero_KeepsNothing()
    {
        var cache = new QueryVectorCache(0);
        cache.Add("m", "one", A);
        Assert.False(cache.TryGet("m", "one", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Encoder_AnswersARepeatedQueryWithoutTheModel_AndStillEmbedsNewOnes()
    {
        var embedder = new FakeEmbedder();
        var encoder = new QueryAndPassageEmbedder(embedder, new EmbeddingProfile("fake", FakeEmbedder.Dimensions, "query: ")) { QueryCache = new QueryVectorCache(16) };
        var first = await encoder.EmbedQueryAsync("Wer regiert Österreich?", Ct);

        embedder.Failing = true;
        var again = await encoder.EmbedQueryAsync("Wer  regiert Österreich? ", Ct);
        Assert.Equal(first.ToArray(), again.ToArray());
        await Assert.ThrowsAsync<EmbedderUnavailableException>(() => encoder.EmbedQueryAsync("Wer regiert Deutschland?", Ct));
        // Passages are never served from the query cache: the same text as a passage still needs the model.
        await Assert.ThrowsAsync<EmbedderUnavailableException>(() => encoder.EmbedPassagesAsync(["Wer regiert Österreich?"], Ct));
    }

    [Fact]
    public async Task Encoder_FailedQuery_IsNotCached()
    {
        var embedder = new FakeEmbedder { Failing = true };
        var cache = new QueryVectorCache(16);
        var encoder = new QueryAndPassageEmbedder(embedder, new EmbeddingProfile("fake", FakeEmbedder.Dimensions)) { QueryCache = cache };
        await Assert.ThrowsAsync<EmbedderUnavailableException>(() => encoder.EmbedQueryAsync("Wahl", Ct));
        Assert.Equal(0, cache.Count);
    }
}
