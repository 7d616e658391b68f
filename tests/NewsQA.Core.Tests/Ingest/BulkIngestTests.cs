using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Search.Embedding;
using NewsQA.Core.Tests.Testing;

namespace NewsQA.Core.Tests.Ingest;

/// <summary>The bulk path when things go wrong: what is acknowledged is whole in the store, nothing else is.</summary>
public sealed class BulkIngestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IEnumerable<DocumentInput> Articles(int count) => Enumerable.Range(0, count).Select(i =>
        new DocumentInput($"Artikel {i} berichtet über Windkraft im Norden. Die Betreiber bauen {i} neue Anlagen.") { Id = $"a{i}", Title = $"Artikel {i}" });

    [Fact]
    public async Task EmbedderFailure_StopsTheRunAndWritesNothingUnacknowledged()
    {
        await using var host = new PipelineHost();
        await host.Store.InitializeAsync(Ct);
        host.Embedder.Failing = true;
        var acknowledged = new List<string>();

        await Assert.ThrowsAsync<EmbedderUnavailableException>(async () =>
        {
            await foreach (var outcome in host.Get<IngestPipeline>().IngestManyAsync(Articles(20), Ct))
            {
                acknowledged.Add(outcome.Result!.Id);
            }
        });

        Assert.Empty(acknowledged);
        Assert.Equal(0, (await host.Store.GetStatisticsAsync(Ct)).Documents);
    }

    [Fact]
    public async Task Cancellation_StopsTheRunAndLeavesOnlyWholeDocuments()
    {
        await using var host = new PipelineHost();
        await host.Store.InitializeAsync(Ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var acknowledged = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var outcome in host.Get<IngestPipeline>().IngestManyAsync(Articles(200), stop.Token))
            {
                acknowledged.Add(outcome.Result!.Id);
                if (acknowledged.Count == 5)
                {
                    await stop.CancelAsync();
                }
            }
        });

        var stats = await host.Store.GetStatisticsAsync(Ct);
        Assert.InRange(stats.Documents, acknowledged.Count, 199);
        foreach (var id in acknowledged)
        {
            Assert.NotEmpty(await host.Store.GetChunksAsync(id, Ct));
        }
    }
}
