namespace NewsQA.Api.Tests.Search;

/// <summary>
/// A query asking for recent news ranks the recent article first and says so in <c>interpretation</c>; without such a
/// word the ranking is the plain one; <c>sort: "date"</c> lists the newest first.
/// </summary>
public sealed class RecencyApiTests : ApiTest
{
    private async Task IngestTwoAsync()
    {
        // The old one matches the query's words more often, so it ranks first unless age counts.
        await Client.PostJsonAsync("/api/documents", new { id = "alt", source = "APA", publishedAt = "2021-03-02", text = "Der Fährverkehr am Bodensee ruht. Der Fährverkehr wird wegen Sturm eingestellt, die Fähren bleiben im Hafen." }, Ct);
        await Client.PostJsonAsync("/api/documents", new { id = "neu", source = "dpa", publishedAt = "2025-07-08", text = "Am Bodensee fahren die Fähren wieder nach Plan, teilte die Reederei mit." }, Ct);
    }

    private async Task<string[]> IdsAsync(object request) =>
        (await Client.PostJsonAsync("/api/search", request, Ct))["results"]!.AsArray().Select(r => r!["documentId"]!.GetValue<string>()).Where(id => id is "alt" or "neu").ToArray();

    [Fact]
    public async Task ARecencyWordRanksTheRecentArticleFirst_AndIsReported()
    {
        await IngestTwoAsync();

        Assert.Equal(["alt", "neu"], await IdsAsync(new { query = "Fährverkehr Fähren Bodensee", mode = "lexical" }));
        Assert.Equal(["neu", "alt"], await IdsAsync(new { query = "aktuell Fährverkehr Fähren Bodensee", mode = "lexical" }));

        var response = await Client.PostJsonAsync("/api/search", new { query = "aktuell Fährverkehr Fähren Bodensee", mode = "lexical" }, Ct);
        Assert.Equal(30, response["interpretation"]!["recency"]!["halfLifeDays"]!.GetValue<double>());
        Assert.Null((await Client.PostJsonAsync("/api/search", new { query = "Fährverkehr Bodensee" }, Ct))["interpretation"]);
    }

    [Fact]
    public async Task SortByDateListsTheNewestFirst()
    {
        await IngestTwoAsync();

        Assert.Equal(["neu", "alt"], await IdsAsync(new { query = "Fährverkehr Fähren Bodensee", sort = "date" }));
    }
}
