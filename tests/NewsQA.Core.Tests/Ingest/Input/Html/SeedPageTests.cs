using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Tests.Testing;

namespace NewsQA.Core.Tests.Ingest.Input.Html;

/// <summary>
/// The seed articles as web pages (tests/TestData/html: each seed's text in the layout of a kind of site, with its
/// navigation, cookie banner, share bars, teaser lists and "Mehr lesen"): ingested, a page must store exactly the text
/// its seed's <c>.txt</c> stores, paragraph for paragraph, so the same questions find the same passages.
/// </summary>
public sealed class SeedPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Pages => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "html"), "*.html").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task SeedPage_StoresTheSeedsText(string page)
    {
        var seedId = Path.GetFileNameWithoutExtension(page).Split('-', 2)[1];
        var expected = await StoredTextAsync(Path.Combine(AppContext.BaseDirectory, "seeds", seedId + ".txt"));

        var actual = await StoredTextAsync(Path.Combine(AppContext.BaseDirectory, "html", page));

        Assert.Equal(expected, actual);
    }

    private static async Task<string> StoredTextAsync(string file)
    {
        await using var host = new PipelineHost();
        var read = Assert.Single(DocumentFileReader.Read(file));
        Assert.Null(read.Error);
        var result = await host.Get<IngestPipeline>().IngestAsync(read.Input!, Ct);
        return (await host.Store.GetAsync(result.Id, Ct))!.Text;
    }
}
