namespace NewsQA.Storage.Qdrant.Tests;

public sealed class LexicalVectorTests
{
    [Fact]
    public void TermIndex_IsFnv1aOfUtf8_StableAcrossProcesses()
    {
        // Published FNV-1a 32-bit test vectors.
        Assert.Equal(0xe40c292cu, LexicalVector.Index("a"));
        Assert.Equal(0xbf9cf968u, LexicalVector.Index("foobar"));
    }

    [Fact]
    public void ChunkWeights_SaturateWithTermFrequency()
    {
        var once = LexicalVector.ForChunk(["drohn"])!;
        var often = LexicalVector.ForChunk(Enumerable.Repeat("drohn", 10).ToList())!;

        Assert.Single(often.Indices);
        Assert.True(often.Values[0] > once.Values[0]);
        Assert.True(often.Values[0] < 2.2f); // bounded by k1 + 1
    }

    [Fact]
    public void QueryWeights_CountEachDistinctTermOnce_WithSortedUniqueIndices()
    {
        var query = LexicalVector.ForQuery(["drohn", "ukrain", "drohn"])!;

        Assert.Equal(2, query.Indices.Length);
        Assert.All(query.Values, v => Assert.Equal(1f, v));
        Assert.Equal(query.Indices.Order(), query.Indices);
        Assert.Null(LexicalVector.ForQuery([]));
    }

    [Fact]
    public void PointIds_AreDeterministicVersion5Uuids_AndVersionedByContent()
    {
        var id = PointIds.Chunk("doc#0", "hash1");

        Assert.Equal(id, PointIds.Chunk("doc#0", "hash1"));
        Assert.NotEqual(id, PointIds.Chunk("doc#0", "hash2"));
        Assert.Equal(5, id.Version);
        Assert.NotEqual(PointIds.Document("doc#0"), id);
    }
}
