using System.Text.Json;
using NewsQA.Testing;
using static NewsQA.Api.Tests.Models.ModelLifecycleFixture;

namespace NewsQA.Api.Tests.Models;

/// <summary>
/// A model that arrives for a store already filled: the stored documents are embedded in the background, and a
/// backfill that a crash cut short resumes after the last finished document instead of starting over.
/// </summary>
public sealed class BackfillResumeTests : IDisposable
{
    private readonly TempFolder data = new("newsqa-backfill-");
    private readonly ModelLifecycleFixture fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string TinyModel => Path.Combine(AppContext.BaseDirectory, "models", "tiny", "xlmr");

    [Fact]
    public async Task BackfillCutShortByACrash_ResumesAfterTheLastFinishedDocument()
    {
        // The seeds stored lexically (no model yet), as after a first start without network.
        List<string> ids;
        await using (var lexical = new NewsQaApplication(Settings(model: null)))
        {
            using var client = lexical.CreateClient();
            var page = await client.GetJsonAsync("/api/documents?limit=100", Ct);
            ids = page["items"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        }

        // The backfill's checkpoint as a crash leaves it: the first two documents (in id order) are done.
        File.WriteAllText(Path.Combine(data, "embedding-backfill.json"), JsonSerializer.Serialize(new { Model = "tiny-xlmr", After = ids[1], Embedded = 2 }));

        await using var app = new NewsQaApplication(Settings(model: TinyModel));
        using var again = app.CreateClient();
        var first = await fixture.WaitForAsync(again, _ => true, Ct);
        Assert.Equal("lexical", SearchMode(first));
        Assert.Equal("embedding", Status(first));
        // The count goes on from the checkpoint's two; the backfill runs while readiness is first read, so it may already
        // have finished a document more (seen once in a full run). Which documents it embedded is checked below.
        Assert.InRange(first["embeddings"]!["documentsEmbedded"]!.GetValue<long>(), 2, ids.Count);
        Assert.Equal(ids.Count, first["embeddings"]!["documentsTotal"]!.GetValue<long>());

        var ok = await fixture.WaitForAsync(again, r => Status(r) == "ok", Ct);
        Assert.Equal("hybrid", SearchMode(ok));
        Assert.False(File.Exists(Path.Combine(data, "embedding-backfill.json")));

        // Only the documents after the checkpoint were embedded: the two it marked done were not touched again.
        var dense = await again.PostJsonAsync("/api/search", new { query = "Ukraine", mode = "dense", top = 50 }, Ct);
        var embedded = dense["results"]!.AsArray().Select(r => r!["documentId"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ids.Skip(2).ToList(), embedded);
    }

    private Dictionary<string, string?> Settings(string? model)
    {
        var settings = fixture.Settings(autoPull: false);
        settings["Data:Path"] = data;
        if (model is not null)
        {
            settings["Embeddings:Model"] = model;
        }

        return settings;
    }

    public void Dispose()
    {
        fixture.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Dispose();
    }
}
