using System.Text.Json.Nodes;

namespace NewsQA.Api.Tests.Search;

/// <summary>
/// A near-copy of a stored article (another outlet's re-publication: a dateline, the last paragraph cut, a line of
/// boilerplate) joins the article's story at ingest; search shows the story once with both outlets listed, unless
/// <c>group: "none"</c>; answers cite one member and name the story.
/// </summary>
public sealed class StoryGroupingApiTests : ApiTest
{
    private const string Seed = "000_74f70624a5986356";

    private async Task<JsonNode> PostCopyAsync()
    {
        var original = (await Client.GetJsonAsync($"/api/documents/{Seed}", Ct))["text"]!.GetValue<string>();
        var copy = "Kiew (dpa) – " + original[..original.LastIndexOf("\n\n", StringComparison.Ordinal)] + "\n\nMehr zum Thema lesen Sie in unserem Dossier.";
        return await Client.PostJsonAsync("/api/documents", new { id = "kopie", title = "Kiew und Israel beraten über Luftverteidigung", source = "dpa", publishedAt = "2025-07-03", text = copy }, Ct);
    }

    [Fact]
    public async Task ACopyJoinsTheOriginalsStory_AndSearchShowsItOnceWithBothOutlets()
    {
        var ingested = await PostCopyAsync();
        Assert.Equal(Seed, ingested["storyId"]!.GetValue<string>());
        Assert.Equal(Seed, (await Client.GetJsonAsync("/api/documents/kopie", Ct))["storyId"]!.GetValue<string>());

        var grouped = (await Client.PostJsonAsync("/api/search", new { query = "Israel Ukraine Luftverteidigung Saar", top = 10 }, Ct))["results"]!.AsArray();
        var ofStory = grouped.Where(r => r!["story"]!["id"]!.GetValue<string>() == Seed).ToList();
        var shown = Assert.Single(ofStory)!;
        Assert.Equal(2, shown["story"]!["size"]!.GetValue<int>());
        Assert.Equal([Seed, "kopie"], shown["story"]!["documents"]!.AsArray().Select(d => d!["documentId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains(shown["story"]!["documents"]!.AsArray(), d => d!["source"]?.GetValue<string>() == "dpa");

        var every = (await Client.PostJsonAsync("/api/search", new { query = "Israel Ukraine Luftverteidigung Saar", top = 10, group = "none" }, Ct))["results"]!.AsArray();
        Assert.Equal([Seed, "kopie"], every.Select(r => r!["documentId"]!.GetValue<string>()).Where(id => id is Seed or "kopie").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnArticleOfItsOwnIsAStoryOfOneListingItself()
    {
        var results = (await Client.PostJsonAsync("/api/search", new { query = "Israel Ukraine Luftverteidigung Saar", top = 3 }, Ct))["results"]!.AsArray();

        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            Assert.Equal(r!["documentId"]!.GetValue<string>(), r["story"]!["id"]!.GetValue<string>());
            Assert.Equal(1, r["story"]!["size"]!.GetValue<int>());
        });
    }

    [Fact]
    public async Task TheAnswersCitationNamesTheStorysOutlets()
    {
        await PostCopyAsync();

        var answer = await Client.PostJsonAsync("/api/ask", new { question = "Worüber haben die Ukraine und Israel beraten?" }, Ct);

        Assert.Equal("answered", answer["status"]!.GetValue<string>());
        var citations = answer["citations"]!.AsArray();
        Assert.NotEmpty(citations);
        Assert.Single(citations.Select(c => c!["documentId"]!.GetValue<string>()).Where(id => id is Seed or "kopie").Distinct());
        var cited = citations.First(c => c!["documentId"]!.GetValue<string>() is Seed or "kopie")!;
        Assert.Equal(2, cited["story"]!["size"]!.GetValue<int>());
    }
}
