using NewsQA.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded;
using NewsQA.Storage.Qdrant.Tests.Fake;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests.Search;

/// <summary>
/// The same fixture ranked by both backends: the embedded store fuses dense and lexical rankings in process
/// (<see cref="ReciprocalRankFusion"/>, ranks from 1), the Qdrant store asks the server to (prefetch + RRF, ranks
/// from 0, on the fake whose RRF follows Qdrant's source). Both read one <see cref="FusionOptions"/>, here with a
/// non-default k, so a hybrid query must return the same chunks in the same order with the same fused scores.
/// </summary>
public sealed class RankingParityTests : IAsyncLifetime
{
    private const int Top = 6;

    // Six short articles: "Drohnen" from often to never, dense vectors leaning towards the query's axis by different amounts,
    // so the lexical and dense orders disagree and fusion has something to decide.
    private static readonly (string Id, string Text, int Axis, float Lean)[] Fixture =
    [
        ("a", "Drohnen, Drohnen und noch mehr Drohnen: die Ukraine baut Drohnen.", 3, 0.1f),
        ("b", "Die Armee setzt Drohnen an der Front ein. Drohnen sind billig.", 0, 0.1f),
        ("c", "Der Bundestag berät über Drohnen und den Haushalt.", 0, 0.3f),
        ("d", "Die Schuldenbremse bleibt umstritten, sagt die Ministerin.", 0, 0.6f),
        ("e", "Ein Verband fordert mehr Geld für Drohnen und Radar und Luftabwehr und Personal.", 2, 0.2f),
        ("f", "Das Wetter bleibt wechselhaft.", 5, 0.05f),
    ];

    private readonly FusionOptions fusion = new() { RrfK = 10 };
    private BothBackends both = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        both = await BothBackends.StartAsync(new Dictionary<string, string?>
        {
            ["Retrieval:RrfK"] = fusion.RrfK.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, Ct);
        foreach (var (id, text, axis, lean) in Fixture)
        {
            var (document, chunks) = StoreTestData.Document(id, text, vectorOf: _ => StoreTestData.Axis(axis, lean), targetChars: 400);
            await both.UpsertAsync(document, chunks, Ct);
        }
    }

    public ValueTask DisposeAsync() => both.DisposeAsync();

    // Plain RRF, and pairs like those `eval --calibrate` fits (Qdrant's weighted formula 1 / (k + rank / w)).
    public static TheoryData<double, double> WeightPairs => new() { { 1, 1 }, { 0.05, 2 }, { 5, 0.2 } };

    [Theory]
    [MemberData(nameof(WeightPairs))]
    public async Task HybridQuery_RanksTheFixtureIdentically_OnBothBackends(double denseWeight, double lexicalWeight)
    {
        var vector = StoreTestData.Axis(0);
        var terms = StoreTestData.Terms("Drohnen");
        var depth = fusion.CandidatesFor(Top);

        // Fusion can only agree if its inputs do: both backends must order each single ranking the same way.
        var embeddedDense = await both.Embedded.Vectors.SearchDenseAsync(vector, SearchFilter.None, depth, Ct);
        var embeddedLexical = await both.Embedded.Lexical.SearchLexicalAsync(terms, SearchFilter.None, depth, Ct);
        Assert.Equal(Ids(embeddedDense), Ids(await both.Qdrant.Vectors.SearchDenseAsync(vector, SearchFilter.None, depth, Ct)));
        Assert.Equal(Ids(embeddedLexical), Ids(await both.Qdrant.Lexical.SearchLexicalAsync(terms, SearchFilter.None, depth, Ct)));
        Assert.NotEqual(Ids(embeddedDense).Take(3), Ids(embeddedLexical).Take(3));

        var inProcess = new ReciprocalRankFusion(Options.Create(fusion)).Fuse([embeddedDense, embeddedLexical], [denseWeight, lexicalWeight]).Take(Top).ToList();
        var serverSide = await both.Qdrant.HybridSearch.SearchHybridAsync(vector, terms, SearchFilter.None, Top, denseWeight, lexicalWeight, Ct);

        // Equal scores are ties, which Qdrant leaves in no particular order: compare the ranking as groups of equal scores.
        Assert.Equal(Groups(inProcess.Select(f => (f.Hit.Chunk.Id, f.Score))), Groups(serverSide.Select(h => (h.Chunk.Id, h.Score))));
        Assert.Equal(Top, serverSide.Count);
        if (denseWeight == 1 && lexicalWeight == 1)
        {
            // Top score 1/(k+1) + 1/(k+2) at most, not Qdrant's default k = 2 (which would give up to 0.5 + 0.333).
            Assert.InRange(serverSide[0].Score, 1.0 / (fusion.RrfK + 3), (1.0 / (fusion.RrfK + 1)) + (1.0 / (fusion.RrfK + 1)));
        }
    }

    [Fact]
    public async Task ScoreFusion_TheDefault_OrdersTheFixtureIdentically_OverEitherBackendsRankings()
    {
        // Retrieval:Method Scores fuses in process on every backend (the Retriever skips Qdrant's server-side RRF for it):
        // each backend's dense and lexical candidates at fusion depth, fused by the one ScoreFusion.
        Assert.Equal(FusionMethod.Scores, new FusionOptions().Method);
        var vector = StoreTestData.Axis(0);
        var terms = StoreTestData.Terms("Drohnen");
        var depth = fusion.CandidatesFor(Top);
        var scores = new ScoreFusion(Options.Create(fusion));

        var inEmbedded = scores.Fuse(
            await both.Embedded.Vectors.SearchDenseAsync(vector, SearchFilter.None, depth, Ct), await both.Embedded.Lexical.SearchLexicalAsync(terms, SearchFilter.None, depth, Ct), new RrfWeights(1, 1));
        var inQdrant = scores.Fuse(
            await both.Qdrant.Vectors.SearchDenseAsync(vector, SearchFilter.None, depth, Ct), await both.Qdrant.Lexical.SearchLexicalAsync(terms, SearchFilter.None, depth, Ct), new RrfWeights(1, 1));

        // The same chunks in the same order with the same fused scores: both lexical indexes score as LexicalScoring says
        // (to single precision), so the inputs to fusion agree too.
        Assert.Equal(Fixture.Length, inEmbedded.Count);
        Assert.Equal(inEmbedded.Select(f => f.Hit.Chunk.Id), inQdrant.Select(f => f.Hit.Chunk.Id));
        Assert.Equal(inEmbedded.Select(f => f.InputScores[0]), inQdrant.Select(f => f.InputScores[0]));
        Assert.All(inEmbedded.Zip(inQdrant), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 0.001));
    }

    private static List<string> Ids(IEnumerable<ChunkHit> hits) => [.. hits.Select(h => h.Chunk.Id)];

    private static List<(double Score, string Ids)> Groups(IEnumerable<(string Id, double Score)> ranked) =>
        [.. ranked
            .GroupBy(x => Math.Round(x.Score, 5))
            .Select(g => (g.Key, string.Join(",", g.Select(x => x.Id).Order(StringComparer.Ordinal))))];
}
