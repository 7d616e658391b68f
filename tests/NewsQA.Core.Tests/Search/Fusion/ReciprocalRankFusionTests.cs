using Microsoft.Extensions.Options;
using NewsQA.Core.Documents;
using NewsQA.Core.Search.Fusion;

using NewsQA.Core.Storage;

namespace NewsQA.Core.Tests.Search.Fusion;

public sealed class ReciprocalRankFusionTests
{
    private static ChunkHit Hit(string id, double score) =>
        new(new Chunk(id, "doc", 0, new TextSpan(0, 1), "x"), new DocumentSummary("doc", "T", null, null, null, 1), score);

    [Fact]
    public void Fuse_SumsReciprocalRanks()
    {
        var fusion = new ReciprocalRankFusion(Options.Create(new FusionOptions { RrfK = 10 }));
        IReadOnlyList<ChunkHit> dense = [Hit("a", 0.9), Hit("b", 0.8)];
        IReadOnlyList<ChunkHit> lexical = [Hit("b", 12), Hit("c", 7)];

        var fused = fusion.Fuse([dense, lexical]);

        // b: 1/(10+2) + 1/(10+1); a: 1/(10+1); c: 1/(10+2).
        Assert.Equal(["b", "a", "c"], fused.Select(f => f.Hit.Chunk.Id));
        Assert.Equal((1.0 / 12) + (1.0 / 11), fused[0].Score, 12);
        Assert.Equal(1.0 / 11, fused[1].Score, 12);
        Assert.Equal([0.8, 12.0], fused[0].InputScores.Select(s => s!.Value));
        Assert.Equal([0.9, null], fused[1].InputScores);
    }

    [Fact]
    public void Fuse_BreaksTiesByChunkId()
    {
        var fusion = new ReciprocalRankFusion(Options.Create(new FusionOptions()));

        var fused = fusion.Fuse([[Hit("z", 1)], [Hit("m", 1)]]);

        Assert.Equal(["m", "z"], fused.Select(f => f.Hit.Chunk.Id));
    }

    [Fact]
    public void Fuse_WeighsRanksAsQdrantDoes()
    {
        var fusion = new ReciprocalRankFusion(Options.Create(new FusionOptions { RrfK = 10 }));
        IReadOnlyList<ChunkHit> dense = [Hit("a", 0.9), Hit("b", 0.8)];
        IReadOnlyList<ChunkHit> lexical = [Hit("b", 12), Hit("c", 7)];

        var fused = fusion.Fuse([dense, lexical], [4.0, 0.5]);

        // Qdrant (lib/segment/src/common/reciprocal_rank_fusion.rs): 1 / ((pos + 1) / w + k' - 1), k' = k + 1.
        // a: 1/(1/4 + 10); b: 1/(2/4 + 10) + 1/(1/0.5 + 10); c: 1/(2/0.5 + 10).
        Assert.Equal(["b", "a", "c"], fused.Select(f => f.Hit.Chunk.Id));
        Assert.Equal((1 / 10.5) + (1 / 12.0), fused[0].Score, 12);
        Assert.Equal(1 / 10.25, fused[1].Score, 12);
        Assert.Equal(1 / 14.0, fused[2].Score, 12);
    }

    [Fact]
    public void Fuse_GivesTheHeavierRankingsOwnFindsTheLead()
    {
        var fusion = new ReciprocalRankFusion(Options.Create(new FusionOptions()));
        IReadOnlyList<ChunkHit> dense = [Hit("d", 0.9)];
        IReadOnlyList<ChunkHit> lexical = [Hit("l", 9)];

        Assert.Equal("d", fusion.Fuse([dense, lexical], [2.0, 1.0])[0].Hit.Chunk.Id);
        Assert.Equal("l", fusion.Fuse([dense, lexical], [1.0, 2.0])[0].Hit.Chunk.Id);
        Assert.Throws<ArgumentOutOfRangeException>(() => fusion.Fuse([dense, lexical], [0.0, 1.0]));
    }
}
