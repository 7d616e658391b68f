using Microsoft.Extensions.Options;
using NewsQA.Core.Documents;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Tests.Search.Fusion;

public sealed class ScoreFusionTests
{
    private static readonly ScoreFusion Fusion = new(Options.Create(new FusionOptions()));

    private static ChunkHit Hit(string document, double score, int chunk = 0) =>
        new(new Chunk($"{document}#{chunk}", document, chunk, new TextSpan(0, 1), "x"), new DocumentSummary(document, "T", null, null, null, 1), score);

    [Theory]
    [InlineData(5.0, 0.2)] // second document at half the first's score: lexical is sure, the words weigh most
    [InlineData(9.5, 0.6)] // second nearly as good as the first: lexical is unsure, meaning weighs most
    [InlineData(6.5, 0.4)] // halfway between the sure and the unsure ratio
    public void DenseShare_FollowsHowSureTheLexicalRankingIsOfItsFirstDocument(double secondScore, double expected)
    {
        IReadOnlyList<ChunkHit> lexical = [Hit("a", 10), Hit("a", 9.9, 1), Hit("b", secondScore), Hit("c", 1)];

        Assert.Equal(expected, Fusion.DenseShare(lexical), 9);
    }

    [Fact]
    public void Fuse_CombinesEachListsNormalisedScoresWithTheShare()
    {
        IReadOnlyList<ChunkHit> dense = [Hit("m", 0.8), Hit("a", 0.6), Hit("z", 0.4)];
        IReadOnlyList<ChunkHit> lexical = [Hit("a", 10), Hit("b", 5), Hit("c", 2)];

        var fused = Fusion.Fuse(dense, lexical, new RrfWeights(1, 1));

        // Share 0.2 (ratio 0.5). Dense normalised m 1, a 0.5, z 0; lexical a 1, b 0.375, c 0.
        // a: 0.2·0.5 + 0.8·1 = 0.9; b: 0.8·0.375 = 0.3; m: 0.2; c and z: 0, tie broken by chunk id.
        Assert.Equal(["a#0", "b#0", "m#0", "c#0", "z#0"], fused.Select(f => f.Hit.Chunk.Id));
        Assert.Equal(0.9, fused[0].Score, 9);
        Assert.Equal([0.6, 10.0], fused[0].InputScores.Select(s => s!.Value));
        Assert.Equal([0.8, null], fused[2].InputScores);
    }

    [Fact]
    public void Fuse_LetsMeaningDecideWhenTheWordsFitManyArticles_AndTheWordsWhenTheyPointAtOne()
    {
        IReadOnlyList<ChunkHit> dense = [Hit("meant", 0.9), Hit("worded", 0.7), Hit("other", 0.2)];

        // Copied wording: one article holds the question's words and stands out.
        var sure = Fusion.Fuse(dense, [Hit("worded", 20), Hit("meant", 6), Hit("other", 5), Hit("far", 2)], new RrfWeights(1, 1));
        // A reader's own words: the first documents' scores are nearly level.
        var unsure = Fusion.Fuse(dense, [Hit("worded", 10), Hit("other", 9.8), Hit("meant", 9), Hit("far", 2)], new RrfWeights(1, 1));

        Assert.Equal("worded", sure[0].Hit.Chunk.DocumentId);
        Assert.Equal("meant", unsure[0].Hit.Chunk.DocumentId);
    }

    [Fact]
    public void Fuse_WithoutLexicalHits_RanksByMeaning()
    {
        var fused = Fusion.Fuse([Hit("b", 0.9), Hit("a", 0.3)], [], new RrfWeights(1, 1));

        Assert.Equal(["b#0", "a#0"], fused.Select(f => f.Hit.Chunk.Id));
        Assert.Equal(1.0, Fusion.DenseShare([]));
    }
}
