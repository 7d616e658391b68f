using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Tests.Testing;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Ingest;

/// <summary>
/// Issue 33 item 1, across runs: a file whose name gives the id of a document stored from another file ("bericht.md"
/// after "bericht.txt", one run today and one tomorrow) is reported as a collision and leaves the stored document as it
/// was; the same file again still updates it. Files are read as <c>newsqa ingest</c> reads them.
/// </summary>
public sealed class FileNameCollisionTests : IDisposable
{
    private readonly TempFolder folder = new("newsqa-names-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task AnotherFileOfTheSameId_IsACollision_AndTheStoredDocumentStays()
    {
        await using var host = new PipelineHost();
        var pipeline = host.Get<IngestPipeline>();
        var first = await pipeline.IngestAsync(Read("bericht.txt", "Der Hafen von Hamburg meldet einen Rekord beim Umschlag."), Ct);

        var ex = await Assert.ThrowsAsync<DocumentRejectedException>(() => pipeline.IngestAsync(Read("bericht.md", "Die Bahn streikt am Montag in ganz Bayern."), Ct));

        Assert.Equal(IngestStatus.Created, first.Status);
        Assert.True(ex.IsConflict);
        Assert.Contains("bericht.txt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bericht.md", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(folder.Path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Hamburg", (await host.Store.GetAsync("bericht", Ct))!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherFileWithTheSameContent_IsACollision_NotUnchanged()
    {
        await using var host = new PipelineHost();
        var pipeline = host.Get<IngestPipeline>();
        const string Text = "Der Hafen von Hamburg meldet einen Rekord beim Umschlag.";
        await pipeline.IngestAsync(Read("hafen.txt", Text), Ct);

        var ex = await Assert.ThrowsAsync<DocumentRejectedException>(() => pipeline.IngestAsync(Read("hafen.md", Text), Ct));

        Assert.True(ex.IsConflict);
    }

    [Fact]
    public async Task TheSameFileAgain_UpdatesIt_AndAnIdOfItsOwnReplacesIt()
    {
        await using var host = new PipelineHost();
        var pipeline = host.Get<IngestPipeline>();
        await pipeline.IngestAsync(Read("wahl.txt", "Die Wahl findet im Mai statt."), Ct);

        var again = await pipeline.IngestAsync(Read("wahl.txt", "Die Wahl findet im Juni statt."), Ct);
        // A sender naming the id (PUT /api/documents/wahl) means that id, whatever file was stored under it.
        var put = await pipeline.IngestAsync(new DocumentInput("Die Wahl ist abgesagt.") { Id = "wahl" }, Ct);
        var fileAfterPut = await pipeline.IngestAsync(Read("wahl.md", "Die Wahl findet im Juli statt."), Ct);

        Assert.Equal(IngestStatus.Updated, again.Status);
        Assert.Equal(IngestStatus.Updated, put.Status);
        Assert.Equal(IngestStatus.Updated, fileAfterPut.Status);
        Assert.Equal("wahl.md", (await host.Store.GetAsync("wahl", Ct))!.FileName);
    }

    [Fact]
    public async Task BulkIngest_ReportsTheCollision_AndGoesOn()
    {
        await using var host = new PipelineHost();
        var pipeline = host.Get<IngestPipeline>();
        await pipeline.IngestAsync(Read("streik.txt", "Die Bahn streikt am Montag in ganz Bayern."), Ct);

        var outcomes = new List<IngestOutcome>();
        await foreach (var outcome in pipeline.IngestManyAsync([Read("streik.md", "Die Lokführer streiken erneut."), Read("wetter.txt", "Am Wochenende wird es sonnig.")], Ct))
        {
            outcomes.Add(outcome);
        }

        Assert.True(outcomes[0].Error?.IsConflict);
        Assert.Equal(IngestStatus.Created, outcomes[1].Result?.Status);
        Assert.Contains("Bayern", (await host.Store.GetAsync("streik", Ct))!.Text, StringComparison.Ordinal);
    }

    private DocumentInput Read(string name, string text)
    {
        var file = Path.Combine(folder, name);
        File.WriteAllText(file, text);
        return Assert.Single(DocumentFileReader.Read(file)).Input!;
    }
}
