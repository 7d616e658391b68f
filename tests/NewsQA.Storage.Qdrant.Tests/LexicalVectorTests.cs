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
        var once = LexicalVector.ForChunk(["drohn"], ["drohn"])!;
        var often = LexicalVector.ForChunk(Enumerable.Repeat("drohn", 10).ToList(), ["drohn"])!;
        float Term(SparseTerms v) => v.Values[Array.IndexOf(v.Indices, LexicalVector.Index("drohn"))];

        // The term's dimension, its five grams' (TermGrams) and the document term's, each in dimensions of their own.
        Assert.Equal(7, often.Indices.Length);
        Assert.True(Term(often) > Term(once));
        Assert.True(Term(often) < 2.2f); // bounded by k1 + 1
        Assert.All(often.Values, v => Assert.InRange(v, 0f, 2.2f));
    }

    [Fact]
    public void QueryWeights_CountEachDistinctTermOnce_WithSortedUniqueIndices()
    {
        var query = LexicalVector.ForQuery(["drohn", "ukrain", "drohn"])!;
        var terms = new[] { LexicalVector.Index("drohn"), LexicalVector.Index("ukrain") };

        // Two terms at 1 each, the distinct grams of both (5 + 6) at the grams' weight, the two as document terms at theirs.
        Assert.Equal(2 + 11 + 2, query.Indices.Length);
        Assert.All(terms, t => Assert.Equal(1f, query.Values[Array.IndexOf(query.Indices, t)]));
        Assert.Equal(11, query.Values.Count(v => v == NewsQA.Core.Search.Retrieval.LexicalScoring.GramWeight));
        Assert.Equal(2, query.Values.Count(v => v == NewsQA.Core.Search.Retrieval.LexicalScoring.DocumentWeight));
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
