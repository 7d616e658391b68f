using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Tests.Testing;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Tests.Search.Retrieval;

/// <summary>When the embedder fails at query time, hybrid answers lexically (and says so); dense has no fallback.</summary>
public sealed class RetrieverFallbackTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FailingEmbedder_HybridFallsBackToLexical_DenseThrows()
    {
        await using var host = new PipelineHost();
        await host.Store.InitializeAsync(Ct);
        await host.Get<IngestPipeline>().IngestAsync(new DocumentInput("Die Bahn streikt am Montag in ganz Bayern.") { Id = "bahn" }, Ct);
        var retriever = host.Get<Retriever>();
        var healthy = await retriever.SearchAsync(new SearchRequest("Bahn Bayern", 5, SearchMode.Hybrid, SearchFilter.None), Ct);

        host.Embedder.Failing = true;
        var fallback = await retriever.SearchAsync(new SearchRequest("Bahn Bayern", 5, SearchMode.Hybrid, SearchFilter.None), Ct);

        Assert.Equal(SearchMode.Hybrid, healthy.Mode);
        Assert.Equal(SearchMode.Lexical, fallback.Mode);
        Assert.Equal("bahn", Assert.Single(fallback.Passages).Hit.Chunk.DocumentId);
        Assert.All(fallback.Passages, p => Assert.Null(p.Dense));
        await Assert.ThrowsAsync<EmbedderUnavailableException>(() => retriever.SearchAsync(new SearchRequest("Bahn Bayern", 5, SearchMode.Dense, SearchFilter.None), Ct));
    }
}
