using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Core.Calibration;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Tests.Testing;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Tests.Search.Retrieval;

/// <summary>Hybrid search ranks with the pair fitted for its model; eval's in-memory fusion ranks exactly as the search does.</summary>
public sealed class RetrieverWeightsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Texts =
    [
        "Die Bahn streikt am Montag in ganz Bayern.",
        "Der Streik der Lokführer trifft Pendler in München.",
        "Bayern wählt im Herbst einen neuen Landtag.",
        "Die Bahn erhöht die Preise für Fernzüge.",
        "Pendler in Bayern warten auf Züge.",
    ];

    private static async Task<Retriever> IngestAsync(PipelineHost host)
    {
        await host.Store.InitializeAsync(Ct);
        for (var i = 0; i < Texts.Length; i++)
        {
            await host.Get<IngestPipeline>().IngestAsync(new DocumentInput(Texts[i]) { Id = $"d{i}" }, Ct);
        }

        return host.Get<Retriever>();
    }

    [Fact]
    public async Task FuseOfTheCandidates_RanksAsTheHybridSearchWithThatPair()
    {
        await using var host = new PipelineHost();
        var retriever = await IngestAsync(host);
        var request = new SearchRequest("Streikt die Bahn in Bayern?", 5, SearchMode.Hybrid, SearchFilter.None);
        var candidates = await retriever.HybridCandidatesAsync(request, Ct);

        foreach (var pair in new[] { new RrfWeights(1, 1), new RrfWeights(0.05, 2), new RrfWeights(0, 1) })
        {
            var searched = await retriever.SearchAsync(request with { Weights = pair }, Ct);
            var fused = retriever.Fuse(candidates!, pair, request);

            Assert.Equal(searched.Passages.Select(p => (p.Hit.Chunk.Id, p.Score)), fused.Select(p => (p.Hit.Chunk.Id, p.Score)));
        }
    }

    [Fact]
    public async Task CalibratedPairForTheModel_IsWhatHybridUses()
    {
        var pair = new RrfWeights(0.05, 2);
        var entries = new Dictionary<string, CalibrationEntry>
        {
            // PipelineHost's encoder is the fake embedder, id "fake-chars".
            ["fake-chars"] = new(0.4, "hybrid", "test", 1, 1, 1, 1, 0, DateTimeOffset.UtcNow) { DenseWeight = pair.Dense, LexicalWeight = pair.Lexical },
        };
        await using var host = new PipelineHost(services => services.AddSingleton(sp => new FusionWeights(sp.GetRequiredService<IOptions<FusionOptions>>(), calibrated: entries)));
        var retriever = await IngestAsync(host);
        var request = new SearchRequest("Streikt die Bahn in Bayern?", 5, SearchMode.Hybrid, SearchFilter.None);

        var service = await retriever.SearchAsync(request, Ct);
        var fitted = await retriever.SearchAsync(request with { Weights = pair }, Ct);
        var plain = await retriever.SearchAsync(request with { Weights = new RrfWeights(1, 1) }, Ct);

        Assert.Equal(fitted.Passages.Select(p => p.Score), service.Passages.Select(p => p.Score));
        Assert.NotEqual(plain.Passages.Select(p => p.Score), service.Passages.Select(p => p.Score));
    }

    [Fact]
    public async Task DenseWeightZero_RanksByTheWords_AndStillHandsTheAnswererTheQueryVector()
    {
        await using var host = new PipelineHost();
        var retriever = await IngestAsync(host);
        var request = new SearchRequest("Streikt die Bahn in Bayern?", 5, SearchMode.Hybrid, SearchFilter.None);

        var wordsOnly = await retriever.SearchAsync(request with { Weights = new RrfWeights(0, 1) }, Ct);
        var lexical = await retriever.SearchAsync(request with { Mode = SearchMode.Lexical }, Ct);

        Assert.Equal(lexical.Passages.Select(p => (p.Hit.Chunk.Id, p.Score)), wordsOnly.Passages.Select(p => (p.Hit.Chunk.Id, p.Score)));
        Assert.Equal(SearchMode.Hybrid, wordsOnly.Mode);
        Assert.NotNull(wordsOnly.QueryVector);
        Assert.Null(lexical.QueryVector);
    }

    [Fact]
    public async Task AModelWithoutDeclaredLanguages_ThatMissesWhatTheWordsAreSureOf_IsLeftOutForThatLanguage()
    {
        // The fake model declares no languages, so the manifest trusts it for all; the data has seen it miss the document
        // the words were sure of on German questions (DenseAgreement), so German hybrid searches run on the words alone.
        var agreement = new DenseAgreement();
        var sure = new[] { Hit("gold", 9), Hit("x", 2) };
        var missing = new[] { Hit("a", 0.9), Hit("b", 0.8), Hit("c", 0.7), Hit("d", 0.6), Hit("e", 0.5) };
        for (var i = 0; i < DenseAgreement.MinObservations; i++)
        {
            agreement.Record("fake-chars", "de", missing, sure, new FusionOptions().LexicalSureRatio);
        }

        await using var host = new PipelineHost(services => services.AddSingleton(agreement));
        var retriever = await IngestAsync(host);
        var german = await retriever.SearchAsync(new SearchRequest("Streikt die Bahn in Bayern?", 5, SearchMode.Hybrid, SearchFilter.None), Ct);

        await using var trustingHost = new PipelineHost();
        var trusted = await (await IngestAsync(trustingHost)).SearchAsync(new SearchRequest("Streikt die Bahn in Bayern?", 5, SearchMode.Hybrid, SearchFilter.None), Ct);

        Assert.Equal(SearchMode.Lexical, german.Mode);
        Assert.Null(german.QueryVector);
        Assert.Equal(SearchMode.Hybrid, trusted.Mode);
    }

    private static ChunkHit Hit(string document, double score) =>
        new(new NewsQA.Core.Documents.Chunk($"{document}#0", document, 0, new NewsQA.Core.Documents.TextSpan(0, 1), "x"), new NewsQA.Core.Documents.DocumentSummary(document, "T", null, null, null, 1), score);
}
