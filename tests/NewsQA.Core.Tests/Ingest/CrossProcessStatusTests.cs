using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Tests.Testing;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Ingest;

/// <summary>
/// Issue 33 item 10: the API and <c>newsqa ingest</c> (which takes no lock) write one data folder side by side. A new
/// id written by both is created once: the second write reports "updated". Two hosts on one folder stand for the two
/// processes; each is held inside its model call, after it has looked the id up, until both are there, so both
/// writes race for one id that neither found.
/// </summary>
public sealed class CrossProcessStatusTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneNewIdWrittenByTwoProcesses_IsCreatedOnceAndUpdatedOnce()
    {
        using var folder = new TempFolder("newsqa-race-");
        await using var api = new PipelineHost(dataPath: folder);
        await using var cli = new PipelineHost(dataPath: folder);
        await api.Store.InitializeAsync(Ct);
        await cli.Store.InitializeAsync(Ct);

        var bothLookedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = 0;
        Func<Task> hold = async () =>
        {
            if (Interlocked.Increment(ref waiting) == 2)
            {
                bothLookedUp.SetResult();
            }

            await bothLookedUp.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        };
        api.Embedder.BeforeEmbedding = hold;
        cli.Embedder.BeforeEmbedding = hold;

        var results = await Task.WhenAll(
            api.Get<IngestPipeline>().IngestAsync(new DocumentInput("Die Fähre nach Sylt fährt wieder nach Plan.") { Id = "faehre" }, Ct),
            cli.Get<IngestPipeline>().IngestAsync(new DocumentInput("Die Fähre nach Sylt fällt wegen Sturm aus.") { Id = "faehre" }, Ct));

        Assert.Equal([IngestStatus.Created, IngestStatus.Updated], results.Select(r => r.Status).Order());
        Assert.NotNull(await api.Store.GetAsync("faehre", Ct));
    }
}
