using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Tests.Testing;

namespace NewsQA.Core.Tests.Ingest;

/// <summary>
/// A re-embedding (the background backfill after a model arrives, or <c>newsqa reindex</c>) racing a user's write
/// of the same document: the user's write must win. Each test holds the re-embedding inside its model call, after
/// it has read the document, and starts the user's write there.
/// </summary>
public sealed class DocumentWriteOrderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // How long the user's write may run on its own while the re-embedding is held. With the lock it waits all of
    // it and passes anyway; without the lock it finishes first, and the re-embedding then overwrites it.
    private static readonly TimeSpan RaceWindow = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task UpdateDuringReembedding_IsWhatStays()
    {
        await using var host = new PipelineHost();
        await host.Store.InitializeAsync(Ct);
        var pipeline = host.Get<IngestPipeline>();
        await pipeline.IngestAsync(new DocumentInput("Die alte Fassung meldet drei Windräder im Norden.") { Id = "wind" }, Ct);

        var (reindex, release) = await HoldReindexAsync(host, pipeline, "wind");
        var update = pipeline.IngestAsync(new DocumentInput("Die neue Fassung meldet zwölf Windräder im Süden.") { Id = "wind" }, Ct);
        await Task.WhenAny(update, Task.Delay(RaceWindow, Ct));
        release.SetResult();
        await reindex;
        Assert.Equal(IngestStatus.Updated, (await update).Status);

        var stored = await host.Store.GetAsync("wind", Ct);
        Assert.Contains("zwölf Windräder im Süden", stored!.Text);
        Assert.All(await host.Store.GetChunksAsync("wind", Ct), c => Assert.DoesNotContain("alte Fassung", c.Text));
    }

    [Fact]
    public async Task DeleteDuringReembedding_StaysDeleted()
    {
        await using var host = new PipelineHost();
        await host.Store.InitializeAsync(Ct);
        var pipeline = host.Get<IngestPipeline>();
        await pipeline.IngestAsync(new DocumentInput("Der Bericht über die Brücke wird zurückgezogen.") { Id = "bruecke" }, Ct);

        var (reindex, release) = await HoldReindexAsync(host, pipeline, "bruecke");
        var delete = pipeline.DeleteAsync("bruecke", Ct);
        await Task.WhenAny(delete, Task.Delay(RaceWindow, Ct));
        release.SetResult();
        await reindex;
        Assert.True(await delete);

        Assert.Null(await host.Store.GetAsync("bruecke", Ct));
        Assert.Empty(await host.Store.GetChunksAsync("bruecke", Ct));
        Assert.Equal(0, (await host.Store.GetStatisticsAsync(Ct)).Chunks);
    }

    [Fact]
    public async Task ReembeddingAGoneDocument_WritesNothing()
    {
        await using var host = new PipelineHost();
        await host.Store.InitializeAsync(Ct);
        var pipeline = host.Get<IngestPipeline>();
        await pipeline.IngestAsync(new DocumentInput("Kurz gemeldet und gleich wieder gelöscht.") { Id = "kurz" }, Ct);
        Assert.True(await pipeline.DeleteAsync("kurz", Ct));

        Assert.Null(await pipeline.ReindexAsync("kurz", Ct));
        Assert.Null(await host.Store.GetAsync("kurz", Ct));
    }

    /// <summary>Starts re-embedding <paramref name="id"/> and returns once it is inside its model call, holding it there until released.</summary>
    private static async Task<(Task<int?> Reindex, TaskCompletionSource Release)> HoldReindexAsync(PipelineHost host, IngestPipeline pipeline, string id)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Embedder.BeforeEmbedding = async () =>
        {
            host.Embedder.BeforeEmbedding = null; // only the re-embedding is held; the user's write embeds at once
            entered.SetResult();
            await release.Task;
        };
        var reindex = pipeline.ReindexAsync(id, Ct);
        await entered.Task.WaitAsync(Ct);
        return (reindex, release);
    }
}
